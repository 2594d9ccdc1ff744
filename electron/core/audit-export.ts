/**
 * The audit log as a clerk reads it in Excel: the record by its number or
 * title, field names in Vietnamese, values as they were shown, and none of
 * the internal fields (ids, folded search keys, timestamps of the row itself).
 */
import { formatDateVi, isIsoDate } from '../../shared/dates';
import type { AuditEntry } from '../../shared/api/audit';
import { registerFieldLabels } from '../../shared/documents/field-labels';

const entityLabels: Record<string, string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  tasks: 'Nhiệm vụ',
  units: 'Đơn vị',
  users: 'Người dùng',
  dossiers: 'Hồ sơ công việc',
  tthc_dossiers: 'Hồ sơ thủ tục hành chính',
  tthc_procedures: 'Thủ tục hành chính',
  attachments: 'Tệp đính kèm',
  outbox: 'Thư gửi đi',
  settings: 'Cài đặt',
  templates: 'Mẫu văn bản',
  calendar_days: 'Lịch ngày nghỉ',
  agency: 'Thông tin cơ quan',
  database: 'Cơ sở dữ liệu',
};

const fieldLabels: Record<string, string> = {
  ...registerFieldLabels,
  documentTypeName: 'Loại văn bản',
  urgency: 'Độ khẩn',
  secrecy: 'Độ mật',
  pages: 'Số trang',
  receivedVia: 'Hình thức nhận',
  instruction: 'Ý kiến chỉ đạo',
  leadUnit: 'Đơn vị chủ trì',
  coordinatingUnits: 'Đơn vị phối hợp',
  deadline: 'Hạn xử lý',
  completedAt: 'Ngày hoàn thành',
  replyNotation: 'Văn bản trả lời',
  status: 'Tình trạng',
  registerName: 'Sổ đăng ký',
  number: 'Số',
  issueDate: 'Ngày ban hành',
  content: 'Nội dung',
  name: 'Tên',
  abbreviation: 'Tên viết tắt',
  title: 'Tiêu đề',
  code: 'Mã',
  fullName: 'Họ tên',
  username: 'Tên đăng nhập',
  role: 'Vai trò',
  reason: 'Lý do',
  deletedAt: 'Ngày xóa',
};

/** Fields that are the database's business, not the reader's. */
const internal = (k: string) => {
  if (k in fieldLabels) return false;
  // Records are logged both as API values (camelCase) and as table rows (snake_case).
  const bare = k.replace(/_/g, '').toLowerCase();
  return /^(id|year|overdue|arrivalnumbertext|documenttype|documentnumber|createdat|updatedat|sortorder)$|(id|ids|fold|key|hash|salt|json)$|password|session|token/.test(bare);
};

/** A stored instant as the wall-clock time of this PC, as an Excel date (which has no time zone). */
export function localStamp(iso: string): Date {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}

function shownValue(raw: string): string {
  if (raw === '' || raw === 'null') return '(trống)';
  if (isIsoDate(raw)) return formatDateVi(raw);
  if (/^\d{4}-\d{2}-\d{2}T/.test(raw)) return formatDateVi(raw.slice(0, 10));
  if (raw === 'true') return 'Có';
  if (raw === 'false') return 'Không';
  if (!raw.startsWith('{') && !raw.startsWith('[')) return raw;
  try {
    const v = JSON.parse(raw) as unknown;
    const name = (x: unknown) => (x && typeof x === 'object' && 'name' in x ? String((x as { name: unknown }).name) : String(x));
    return Array.isArray(v) ? v.map(name).join(', ') || '(trống)' : name(v);
  } catch {
    return raw;
  }
}

export function readableChanges(changes: AuditEntry['changes']): string {
  return changes
    .filter((c) => !internal(c.field))
    .map((c) => ({ field: fieldLabels[c.field] ?? c.field, before: shownValue(c.before), after: shownValue(c.after) }))
    // A field missing on one side and empty on the other did not change for the reader.
    .filter((c) => c.before !== c.after)
    .map((c) => `${c.field}: ${c.before} → ${c.after}`)
    .join('\n');
}

/** "Văn bản đến số 01 — 100/BC-STNMT: Về việc …" from the record's own values. */
export function objectName(entity: string, beforeJson: string | null, afterJson: string | null): string {
  const v = { ...(beforeJson ? (JSON.parse(beforeJson) as Record<string, unknown>) : {}), ...(afterJson ? (JSON.parse(afterJson) as Record<string, unknown>) : {}) };
  const str = (k: string) => (typeof v[k] === 'string' && v[k] ? (v[k] as string) : null);
  const label = entityLabels[entity] ?? entity;
  const num = str('arrivalNumberText') ? `số đến ${str('arrivalNumberText')}` : null;
  const what = [num, str('notation') ?? str('code') ?? str('username')].filter(Boolean).join(' — ');
  const title = str('subject') ?? str('title') ?? str('name') ?? str('fullName') ?? str('content');
  const short = title && title.length > 90 ? `${title.slice(0, 90)}…` : title;
  return [label + (what ? ` ${what}` : ''), short].filter(Boolean).join(': ');
}
