/**
 * The audit log as the clerk reads it: Vietnamese field names, values as the
 * screens show them (unit names, dd/mm/yyyy, status labels), records by their
 * number or title. Stored rows keep the API's objects; only the reading changes.
 */
import { roleLabels } from '../../../shared/api/auth';
import { dossierStateLabels } from '../../../shared/api/dossiers';
import { outboxStatusLabels } from '../../../shared/api/send';
import { tthcChannelLabels, tthcStatusLabels } from '../../../shared/api/tthc';
import { formatDateVi } from '../../../shared/dates';
import { incomingStatusLabels, outgoingStatusLabels, receivedViaLabels, secrecyLabels, urgencyLabels } from '../../../shared/documents/fields';
import { unitKindLabels } from '../../../shared/labels';
import { taskStatusLabels } from '../../../shared/tasks/status';

export const entityLabels: Record<string, string> = {
  incoming: 'Văn bản đến',
  outgoing: 'Văn bản đi',
  tasks: 'Nhiệm vụ',
  dossiers: 'Hồ sơ công việc',
  tthc_dossiers: 'Hồ sơ TTHC',
  tthc_procedures: 'Thủ tục hành chính',
  units: 'Đơn vị',
  agency: 'Cơ quan',
  users: 'Người dùng',
  settings: 'Cài đặt',
  templates: 'Mẫu văn bản',
  attachments: 'Tệp đính kèm',
  outbox: 'Hộp thư đi',
  calendar_days: 'Lịch ngày nghỉ',
  database: 'Cơ sở dữ liệu',
  intake_items: 'Văn bản chờ vào sổ',
  intake_watch_folders: 'Thư mục theo dõi',
};

const fieldLabels: Record<string, string> = {
  registerName: 'Sổ',
  arrivalNumberText: 'Số đến',
  arrivalDate: 'Ngày đến',
  senderName: 'Tác giả',
  notation: 'Số, ký hiệu',
  documentTypeName: 'Loại văn bản',
  documentDate: 'Ngày văn bản',
  subject: 'Trích yếu',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ người ký',
  signingAuthority: 'Thẩm quyền ký',
  urgency: 'Độ khẩn',
  secrecy: 'Độ mật',
  pages: 'Số trang',
  receivedVia: 'Hình thức nhận',
  recipientText: 'Đơn vị hoặc người nhận',
  transferDate: 'Ngày chuyển',
  note: 'Ghi chú',
  instruction: 'Ý kiến chỉ đạo',
  leadUnit: 'Đơn vị chủ trì',
  coordinatingUnits: 'Đơn vị phối hợp',
  deadline: 'Hạn xử lý',
  completedAt: 'Ngày hoàn thành',
  replyNotation: 'Văn bản trả lời',
  origin: 'Nơi đến',
  setAsideReason: 'Lý do để riêng',
  status: 'Tình trạng',
  numberText: 'Số',
  issueDate: 'Ngày ban hành',
  draftingUnit: 'Đơn vị soạn thảo',
  drafterInitials: 'Người soạn thảo',
  recipients: 'Nơi nhận',
  copies: 'Số lượng bản',
  archiveLine: 'Bản lưu',
  replyTo: 'Trả lời văn bản đến',
  cancelReason: 'Lý do hủy số',
  correctionReason: 'Lý do sửa',
  content: 'Nội dung',
  source: 'Nguồn giao',
  sourceText: 'Trích dẫn nguồn',
  assignedBy: 'Người giao',
  person: 'Người thực hiện',
  startDate: 'Ngày bắt đầu',
  timeText: 'Thời gian thực hiện',
  focus: 'Trọng tâm',
  field: 'Lĩnh vực',
  targetQuantity: 'Chỉ tiêu',
  targetUnit: 'Đơn vị tính',
  inSuperiorProgramme: 'Trong chương trình công tác cấp trên',
  state: 'Trạng thái',
  stateReason: 'Lý do',
  name: 'Tên',
  abbreviation: 'Tên viết tắt',
  kind: 'Loại',
  parentName: 'Cấp trên',
  email: 'Thư điện tử',
  order: 'Thứ tự',
  archived: 'Ngừng sử dụng',
  place: 'Địa danh',
  code: 'Mã',
  title: 'Tiêu đề',
  retention: 'Thời hạn bảo quản',
  keeperUnit: 'Đơn vị lập hồ sơ',
  keeperPerson: 'Người lập hồ sơ',
  endDate: 'Ngày kết thúc',
  sheets: 'Số tờ',
  procedure: 'Thủ tục',
  applicantName: 'Người nộp',
  applicantAddress: 'Địa chỉ',
  applicantPhone: 'Điện thoại',
  receivedAt: 'Ngày tiếp nhận',
  channel: 'Hình thức nộp',
  handlingUnit: 'Đơn vị xử lý',
  dueDate: 'Hẹn trả',
  resultDate: 'Ngày trả kết quả',
  withdrawnAt: 'Ngày rút hồ sơ',
  newDueDate: 'Hẹn trả mới',
  delayReason: 'Lý do chậm',
  processingDays: 'Thời hạn giải quyết (ngày)',
  fee: 'Lệ phí',
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  role: 'Vai trò',
  unit: 'Đơn vị',
  secretAccess: 'Được xem văn bản mật',
  disabled: 'Đã khóa',
  passwordChanged: 'Đổi mật khẩu',
  passwordReset: 'Đặt lại mật khẩu',
  to: 'Gửi tới',
  files: 'Tệp',
  dueSoonDays: 'Số ngày báo sắp đến hạn',
  export: 'Mẫu',
  fileName: 'Tên tệp',
  size: 'Dung lượng',
};

/** Value labels by field, whatever the record (statuses are looked up in every list). */
const valueLabels: Record<string, Record<string, string>> = {
  urgency: urgencyLabels,
  secrecy: secrecyLabels,
  receivedVia: receivedViaLabels,
  role: roleLabels,
  kind: unitKindLabels,
  channel: tthcChannelLabels,
  state: dossierStateLabels,
  status: { ...taskStatusLabels, ...tthcStatusLabels, ...outboxStatusLabels, ...outgoingStatusLabels, ...incomingStatusLabels },
};
const statusByEntity: Record<string, Record<string, string>> = {
  incoming: incomingStatusLabels,
  outgoing: outgoingStatusLabels,
  tthc_dossiers: tthcStatusLabels,
  outbox: outboxStatusLabels,
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** dd/mm/yyyy HH:mm in the office's own time. */
/** A stored instant as the wall-clock time of this PC, as an Excel date (which has no time zone). */
export function localStamp(iso: string): Date {
  const d = new Date(iso);
  return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));
}

export function timeVi(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function valueText(entity: string, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'boolean') return v ? 'Có' : 'Không';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    const labels = field === 'status' ? (statusByEntity[entity] ?? valueLabels.status) : valueLabels[field];
    if (labels?.[v]) return labels[v];
    if (ISO_DATE.test(v)) return formatDateVi(v);
    if (ISO_TIME.test(v)) return timeVi(v);
    return v;
  }
  if (Array.isArray(v)) return v.map((x) => valueText(entity, field, x)).filter(Boolean).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A reference: the record's own name (unit, person, procedure, source document).
    for (const k of ['name', 'fullName', 'notation', 'label', 'title', 'text']) if (typeof o[k] === 'string' && o[k]) return o[k];
    return Object.entries(o)
      .filter(([k]) => fieldLabels[k])
      .map(([k, x]) => `${fieldLabels[k]}: ${valueText(entity, k, x)}`)
      .join(', ');
  }
  return '';
}

export interface Change {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Fields the user knows by name whose shown value differs; ids, codes and derived copies are left out. */
export function labelledChanges(entity: string, before: Record<string, unknown>, after: Record<string, unknown>): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => fieldLabels[k]);
  return fields
    .map((k) => ({ field: k, label: fieldLabels[k]!, before: valueText(entity, k, before[k]), after: valueText(entity, k, after[k]) }))
    .filter((c) => c.before !== c.after);
}

/** "Văn bản đến số 05 (448/BC-STNMT)", "Văn bản đi 12/BC-STNMT", "Đơn vị Văn phòng Sở"… */
export function recordLabel(entity: string, entityId: number | null, before: Record<string, unknown>, after: Record<string, unknown>): string {
  const r = { ...before, ...after };
  const s = (k: string) => (typeof r[k] === 'string' && r[k] ? (r[k] as string) : null);
  const kind = entityLabels[entity] ?? 'Dữ liệu';
  if (entity === 'incoming' && s('arrivalNumberText')) return `${kind} số ${s('arrivalNumberText')}${s('notation') ? ` (${s('notation')})` : ''}`;
  if (entity === 'outgoing') return s('notation') ? `${kind} ${s('notation')}` : `${kind} (dự thảo) ${short(s('subject'))}`.trim();
  const name = s('notation') ?? s('code') ?? s('fullName') ?? s('name') ?? s('title') ?? (s('content') ? short(s('content')) : null) ?? s('applicantName') ?? s('subject');
  if (name) return `${kind} ${name}`;
  return entityId ? `${kind} số ${entityId}` : kind;
}

function short(text: string | null): string {
  if (!text) return '';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** "Vào sổ văn bản đến: cấp số đến…" → "Vào sổ văn bản đến": the method's name without its details. */
export function actionText(summary: string): string {
  return summary.split(/[:(]/)[0]!.trim();
}
