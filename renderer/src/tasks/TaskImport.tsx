/**
 * Đọc nhiệm vụ từ văn bản: paste the text or pick a .txt/.docx, review the
 * proposed tasks (edit, merge with the one above, drop, choose or create the
 * unit) and save the accepted ones in one go.
 */
import { useState } from 'react';
import type { DocumentSourceView, ProposedTaskView } from '../../../shared/api/task-import';
import { describeSource } from '../../../shared/tasks/header';
import type { Unit } from '../../../shared/api/units';
import { call, uploadFile } from '../api/client';
import { DateInput } from '../components/DateInput';
import { FormMessage, useFormErrors } from '../components/form';
import { FilePicker } from '../components/FilePicker';

interface Row extends ProposedTaskView {
  key: number;
  accepted: boolean;
  /** "" (all units), a unit id, or "new" to create unitName. */
  unitChoice: string;
}

const noSource: DocumentSourceView = { issuer: null, documentType: null, notation: null, documentDate: null, subject: null };
const SOURCE_FIELDS: [keyof DocumentSourceView, string, string][] = [
  ['documentType', 'Loại văn bản', 'Thông báo'],
  ['notation', 'Số, ký hiệu', '412/TB-SNN'],
  ['documentDate', 'Ngày văn bản', ''],
  ['issuer', 'Cơ quan ban hành', 'Sở …'],
  ['subject', 'Trích yếu', 'Kết luận của …'],
];

/** "Thông báo số 412/TB-SNN ngày 06/10/2023 của Sở …: Kết luận …", within the 500 characters of a task's source. */
function sourceTextOf(s: DocumentSourceView): string {
  if (Object.values(s).every((v) => !v)) return '';
  const head = describeSource(s);
  return (s.subject ? `${head}: ${s.subject}` : head).slice(0, 500);
}

export function TaskImport({ units, onDone }: { units: Unit[]; onDone: (message: string) => void }) {
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [source, setSource] = useState<DocumentSourceView>(noSource);
  const [message, setMessage] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors();

  async function pick(file: File) {
    const up = await uploadFile(file);
    const r = up.ok ? await call('tasks.readDocument', { fileId: up.value.fileId }) : up;
    if (!r.ok) return setMessage(r.error.message);
    setText(r.value.text);
    setMessage(`Đã lấy chữ từ tệp ${file.name}.`);
  }
  async function read() {
    clear();
    const r = await call('tasks.importFromText', { text });
    if (!r.ok) return show(r.error);
    setRows(r.value.tasks.map((t, i) => ({ ...t, key: i, accepted: true, unitChoice: t.unitId ? String(t.unitId) : t.unitName ? 'new' : '' })));
    setSource(r.value.source);
    setMessage(r.value.tasks.length === 0 ? 'Không tìm thấy nhiệm vụ nào trong văn bản.' : null);
  }
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs?.map((r) => (r.key === key ? { ...r, ...patch } : r)) ?? null);
  function mergeUp(key: number) {
    setRows((rs) => {
      if (!rs) return rs;
      const i = rs.findIndex((r) => r.key === key);
      if (i <= 0) return rs;
      const above = rs[i - 1]!;
      const merged = { ...above, content: `${above.content}\n${rs[i]!.content}`, deadline: above.deadline ?? rs[i]!.deadline };
      return [...rs.slice(0, i - 1), merged, ...rs.slice(i + 1)];
    });
  }
  async function save() {
    if (!rows) return;
    const chosen = rows.filter((r) => r.accepted);
    const r = await call('tasks.importCommit', {
      sourceText: sourceTextOf(source),
      tasks: chosen.map((t) => ({
        content: t.content,
        leadUnitId: t.unitChoice && t.unitChoice !== 'new' ? Number(t.unitChoice) : null,
        newLeadUnitName: t.unitChoice === 'new' ? t.unitName : null,
        coordinatingUnitIds: t.coordinatingUnitIds,
        deadline: t.deadline,
        timeText: t.timeText,
      })),
    });
    if (!r.ok) return show(r.error);
    const saved = `Đã lưu ${r.value.created.length} nhiệm vụ${r.value.createdUnits.length ? `, tạo ${r.value.createdUnits.length} đơn vị mới` : ''}.`;
    setMessage(saved);
    setRows(null);
    setText('');
    setSource(noSource);
    onDone(saved);
  }

  if (!rows) {
    return (
      <div className="import-text">
        <p className="muted">Dán nội dung thông báo kết luận, kế hoạch hoặc công văn giao việc, hoặc chọn tệp .txt/.docx. Chương trình đề xuất danh sách nhiệm vụ để anh/chị xem lại trước khi lưu.</p>
        <FilePicker label="Chọn tệp văn bản" accept=".txt,.docx" onFiles={([f]) => f && void pick(f)}>Chọn tệp .txt/.docx…</FilePicker>
        <textarea aria-label="Nội dung văn bản" rows={16} value={text} onChange={(e) => setText(e.target.value)} placeholder="Dán nội dung văn bản vào đây…" />
        <FormMessage errors={errors} />
        {errors.byField.text ? <div className="field-error" role="alert">{errors.byField.text}</div> : null}
        {message ? <div className="notice" role="status">{message}</div> : null}
        <div className="actions"><button type="button" className="primary" onClick={() => void read()}>Đọc nhiệm vụ</button></div>
      </div>
    );
  }
  const accepted = rows.filter((r) => r.accepted).length;
  return (
    <div className="import-review" aria-label="Xem lại nhiệm vụ">
      <div className="toolbar">
        <strong>{rows.length} nhiệm vụ đề xuất, chọn {accepted}</strong>
        <button type="button" className="primary" disabled={accepted === 0} onClick={() => void save()}>Lưu {accepted} nhiệm vụ</button>
      </div>
      <fieldset className="import-source" aria-label="Nguồn giao">
        <legend>Nguồn giao (đọc từ phần đầu văn bản, sửa được)</legend>
        {SOURCE_FIELDS.map(([field, label, placeholder]) =>
          field === 'documentDate' ? (
            <label key={field}>{label} <DateInput label={label} value={source.documentDate} onChange={(documentDate) => setSource((s) => ({ ...s, documentDate }))} /></label>
          ) : (
            <label key={field} className={field === 'subject' ? 'wide' : undefined}>{label} <input value={source[field] ?? ''} placeholder={placeholder} onChange={(e) => setSource((s) => ({ ...s, [field]: e.target.value || null }))} /></label>
          ),
        )}
        <div className="muted small wide" aria-label="Nguồn giao sẽ lưu">{sourceTextOf(source) || 'Chưa có nguồn giao.'}</div>
      </fieldset>
      <FormMessage errors={errors} />
      <table className="grid review">
        <thead><tr><th>Lấy</th><th>Đơn vị chủ trì</th><th>Nội dung</th><th>Hạn</th><th>Thời gian / định kỳ</th><th>Văn bản dẫn</th><th></th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key} className={r.accepted ? undefined : 'dropped'}>
              <td><input type="checkbox" aria-label={`Lấy nhiệm vụ ${i + 1}`} checked={r.accepted} onChange={(e) => update(r.key, { accepted: e.target.checked })} /></td>
              <td>
                <select aria-label={`Đơn vị của nhiệm vụ ${i + 1}`} value={r.unitChoice} onChange={(e) => update(r.key, { unitChoice: e.target.value })}>
                  <option value="">(giao chung)</option>
                  {r.unitName && !r.unitId ? <option value="new">Tạo đơn vị mới: {r.unitName}</option> : null}
                  {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                </select>
                {r.leadUnitNames.length > 1 ? <div className="muted small">Chủ trì: {r.leadUnitNames.join('; ')}</div> : null}
                {r.coordinatingUnitNames.length ? <div className="muted small">Phối hợp: {r.coordinatingUnitNames.join('; ')}</div> : null}
              </td>
              <td>
                <textarea aria-label={`Nội dung nhiệm vụ ${i + 1}`} rows={3} value={r.content} onChange={(e) => update(r.key, { content: e.target.value })} />
                {errors.byField[`tasks.${i}.content`] ? <div className="field-error">{errors.byField[`tasks.${i}.content`]}</div> : null}
              </td>
              <td><DateInput label={`Hạn của nhiệm vụ ${i + 1}`} value={r.deadline} onChange={(deadline) => update(r.key, { deadline })} /></td>
              <td>
                <input aria-label={`Thời gian của nhiệm vụ ${i + 1}`} value={r.timeText ?? ''} onChange={(e) => update(r.key, { timeText: e.target.value || null })} />
                {r.recurrence ? <div className="muted small">{r.recurrence.label}</div> : null}
              </td>
              <td className="small">{r.references.join(', ')}</td>
              <td>{i > 0 ? <button type="button" onClick={() => mergeUp(r.key)} title="Gộp vào nhiệm vụ phía trên">Gộp lên</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <div className="actions">
        <button type="button" onClick={() => setRows(null)}>Quay lại văn bản</button>
      </div>
    </div>
  );
}
