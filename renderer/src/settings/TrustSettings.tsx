/** Chứng thư số gốc: the roots a PDF's signature must chain to; none is trusted until the office adds it. */
import { useCallback, useEffect, useState } from 'react';
import { format, parseISO } from 'date-fns';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import type { PdfSignature, TrustRoot } from '../../../shared/api/trust';
import { call, fetchValue, uploadFile } from '../api/client';
import { FilePicker } from '../components/FilePicker';
import { useAsk } from '../components/Dialog';

const day = (iso: string) => formatDateVi(toIsoDate(parseISO(iso)));
const yesNo = (v: boolean | null, yes: string, no: string) => (v === null ? 'Không kiểm tra được' : v ? yes : no);

export function TrustSettings() {
  const [items, setItems] = useState<TrustRoot[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [checked, setChecked] = useState<{ name: string; signatures: PdfSignature[] } | null>(null);
  const { confirm } = useAsk();
  const load = useCallback(() => {
    fetchValue('trust.list', {}).then((r) => setItems(r.items)).catch((e: Error) => setMessage(e.message));
  }, []);
  useEffect(load, [load]);

  async function add(file: File | undefined) {
    if (!file) return;
    const up = await uploadFile(file);
    const r = up.ok ? await call('trust.add', { fileId: up.value.fileId }) : up;
    setMessage(r.ok ? `Đã thêm chứng thư "${r.value.subject}".` : (r.error.fields[0]?.message ?? r.error.message));
    load();
  }
  async function remove(root: TrustRoot) {
    const sure = await confirm({ title: `Thôi tin cậy chứng thư "${root.subject}"?`, text: 'Các chữ ký chuỗi tới chứng thư này sẽ không còn được tin cậy.', ok: 'Thôi tin cậy', danger: true });
    if (!sure) return;
    const r = await call('trust.remove', { id: root.id });
    setMessage(r.ok ? `Đã bỏ chứng thư "${root.subject}" khỏi danh sách tin cậy.` : r.error.message);
    load();
  }
  async function check(file: File | undefined) {
    if (!file) return;
    const up = await uploadFile(file);
    const r = up.ok ? await call('documents.signatures', { fileId: up.value.fileId }) : up;
    if (r.ok) setChecked({ name: file.name, signatures: r.value.signatures });
    else setMessage(r.error.fields[0]?.message ?? r.error.message);
  }

  return (
    <section aria-label="Chứng thư số gốc">
      <h2>Chứng thư số gốc</h2>
      <p className="muted">Chữ ký số trên văn bản PDF chỉ được tin cậy khi chứng thư của người ký được cấp bởi một chứng thư gốc trong danh sách này. Tải lên tệp .cer hoặc .crt của nhà cung cấp chứng thư số.</p>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid" aria-label="Danh sách chứng thư số gốc">
        <thead><tr><th>Chứng thư</th><th>Tổ chức</th><th>Hiệu lực</th><th>Dấu vân tay (SHA-256)</th><th /></tr></thead>
        <tbody>
          {items.length === 0 ? <tr><td colSpan={5}>Chưa có chứng thư nào: chưa chữ ký nào được tin cậy.</td></tr> : null}
          {items.map((i) => (
            <tr key={i.id}>
              <td>{i.subject}{i.issuer !== i.subject ? <div className="small">cấp bởi {i.issuer}</div> : null}</td>
              <td>{i.organisation ?? ''}</td>
              <td className="nowrap">{day(i.notBefore)} – {day(i.notAfter)}</td>
              <td className="small">{i.fingerprint}</td>
              <td><button type="button" onClick={() => void remove(i)}>Bỏ</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <FilePicker label="Thêm chứng thư gốc" accept=".cer,.crt,.pem,.der" onFiles={([f]) => void add(f)}>Thêm chứng thư gốc…</FilePicker>
        <FilePicker label="Kiểm tra chữ ký của tệp PDF" accept=".pdf" onFiles={([f]) => void check(f)}>Kiểm tra chữ ký của tệp PDF…</FilePicker>
      </div>
      {checked ? (
        <table className="grid" aria-label={`Chữ ký số của ${checked.name}`}>
          <thead><tr><th>Người ký</th><th>Thời điểm ký</th><th>Nội dung</th><th>Tin cậy</th><th>Ghi chú</th></tr></thead>
          <tbody>
            {checked.signatures.length === 0 ? <tr><td colSpan={5}>Tệp {checked.name} không có chữ ký số.</td></tr> : null}
            {checked.signatures.map((s, n) => (
              <tr key={n}>
                <td>{s.signer ?? ''}{s.organisation ? <div className="small">{s.organisation}</div> : null}</td>
                <td className="nowrap">{s.signedAt ? format(parseISO(s.signedAt), 'dd/MM/yyyy HH:mm') : ''}</td>
                <td>{yesNo(s.intact, 'Còn nguyên vẹn', 'Đã bị thay đổi')}</td>
                <td>{yesNo(s.trusted, 'Tin cậy', 'Không tin cậy')}</td>
                <td className="small">{s.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
