/**
 * Importing a clerk's Excel register: pick the file, check it (dry run), fix
 * the column choice if the headers were not recognised, then import all rows
 * or only the valid ones.
 */
import { useState } from 'react';
import type { Output } from '../../../shared/api/index';
import { importFields } from '../../../shared/api/imports';
import { registerFieldLabels } from '../../../shared/documents/field-labels';
import { call, uploadFile } from '../api/client';
import { FilePicker } from '../components/FilePicker';

type Report = Output<'imports.registerXlsx'>;
type Kind = 'incoming' | 'outgoing' | 'tthc';

const fieldLabels: Record<string, string> = {
  ...registerFieldLabels,
  keptBy: 'Bản lưu',
  code: 'Mã hồ sơ',
  procedure: 'Thủ tục',
  field: 'Lĩnh vực',
  applicantName: 'Tổ chức, cá nhân',
  applicantAddress: 'Địa chỉ',
  applicantPhone: 'Điện thoại',
  receivedAt: 'Ngày tiếp nhận',
  dueDate: 'Ngày hẹn trả',
  resultDate: 'Ngày trả kết quả',
  channel: 'Hình thức nộp',
  status: 'Trạng thái',
  unit: 'Đơn vị giải quyết',
};

export function ImportPage() {
  const [kind, setKind] = useState<Kind>(() => (window.location.hash.endsWith('/tthc') ? 'tthc' : 'incoming'));
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [report, setReport] = useState<Report | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onlyErrors, setOnlyErrors] = useState(false);

  async function run(dryRun: boolean, validOnly = false) {
    if (!file) return setMessage('Hãy chọn tệp Excel (.xlsx).');
    setBusy(true);
    setMessage(dryRun ? 'Đang kiểm tra tệp…' : 'Đang nhập…');
    const up = await uploadFile(file);
    if (!up.ok) {
      setBusy(false);
      return setMessage(up.error.message);
    }
    const source = { fileId: up.value.fileId, dryRun, validOnly, mapping };
    const r = kind === 'tthc' ? await call('imports.tthcXlsx', source) : await call('imports.registerXlsx', { kind, ...source });
    setBusy(false);
    if (!r.ok) return setMessage(r.error.message);
    setReport(r.value);
    const added = r.value.newProcedures?.length ? ` Thủ tục chưa có trong danh mục, sẽ được thêm: ${r.value.newProcedures.join('; ')}.` : '';
    if (dryRun) setMessage(`Kiểm tra xong: ${r.value.valid} dòng hợp lệ, ${r.value.invalid} dòng có lỗi. Chưa có gì được ghi.${added}`);
    else if (r.value.imported > 0) setMessage(kind === 'tthc' ? `Đã nhập ${r.value.imported} hồ sơ thủ tục hành chính.` : `Đã nhập ${r.value.imported} văn bản vào sổ.`);
    else setMessage(`Chưa nhập: còn ${r.value.invalid} dòng có lỗi. Hãy sửa tệp, hoặc chọn “Chỉ nhập các dòng hợp lệ”.`);
  }

  const fields = importFields[kind];
  const rows = report ? (onlyErrors ? report.rows.filter((r) => !r.ok) : report.rows) : [];
  return (
    <section className="page">
      <h1>Nhập từ tệp Excel</h1>
      <div className="toolbar">
        <label className="check">
          Nhập vào{' '}
          <select value={kind} onChange={(e) => { setKind(e.target.value as Kind); setReport(null); setMapping({}); }}>
            <option value="incoming">Sổ văn bản đến</option>
            <option value="outgoing">Sổ văn bản đi</option>
            <option value="tthc">Hồ sơ thủ tục hành chính (tệp xuất từ hệ thống một cửa)</option>
          </select>
        </label>
        <FilePicker label="Tệp Excel" accept=".xlsx" chosen={file?.name ?? null} onFiles={([f]) => { setFile(f ?? null); setReport(null); setMapping({}); }}>Chọn tệp Excel…</FilePicker>
        <button type="button" className="primary" disabled={busy || !file} onClick={() => void run(true)}>
          Kiểm tra
        </button>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      {report ? (
        <>
          <h2>Cột trong tệp (dòng tiêu đề {report.headerRow}, trang “{report.sheetName}”)</h2>
          <div className="mapping">
            {fields.map((f) => {
              const current = mapping[f] ?? report.columns.find((c) => c.field === f)?.column ?? 0;
              return (
                <label key={f} className="field">
                  <span>{fieldLabels[f] ?? f}</span>
                  <select
                    value={current}
                    onChange={(e) => setMapping({ ...mapping, [f]: Number(e.target.value) })}
                    aria-label={`Cột cho ${fieldLabels[f] ?? f}`}
                  >
                    <option value={0}>(không có)</option>
                    {report.headers.map((h) => (
                      <option key={h.column} value={h.column}>
                        {String.fromCharCode(64 + h.column)}: {h.text || '(trống)'}
                      </option>
                    ))}
                  </select>
                </label>
              );
            })}
          </div>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void run(true)}>
              Kiểm tra lại với cột đã chọn
            </button>
            <button type="button" className="primary" disabled={busy || report.invalid > 0 || report.valid === 0} onClick={() => void run(false)}>
              Nhập tất cả ({report.valid} dòng)
            </button>
            <button type="button" disabled={busy || report.valid === 0 || report.invalid === 0} onClick={() => void run(false, true)}>
              Chỉ nhập các dòng hợp lệ ({report.valid})
            </button>
            <label className="check">
              <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} /> Chỉ xem dòng lỗi
            </label>
          </div>
          <div className="table-wrap">
            <table className="data-table" aria-label="Kết quả kiểm tra từng dòng">
              <thead>
                <tr>
                  <th>Dòng</th>
                  <th>{kind === 'tthc' ? 'Hồ sơ' : 'Văn bản'}</th>
                  <th>Kết quả</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, 1000).map((r) => (
                  <tr key={r.row} className={r.ok ? '' : 'row-error'}>
                    <td>{r.row}</td>
                    <td>{r.label}</td>
                    <td>{r.ok ? 'Hợp lệ' : r.errors.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > 1000 ? <div className="table-foot">Hiện 1.000 dòng đầu trong {rows.length} dòng.</div> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
