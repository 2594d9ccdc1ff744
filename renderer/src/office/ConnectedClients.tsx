/** Who is signed in to this office's data, from which address; the administrator can end a session. */
import { useCallback, useEffect, useState } from 'react';
import { format, parseISO } from 'date-fns';
import type { Output } from '../../../shared/api/index';
import { call, fetchValue } from '../api/client';
import { useAsk } from '../components/Dialog';

type Session = Output<'auth.sessions'>['sessions'][number];
const at = (iso: string) => format(parseISO(iso), 'dd/MM/yyyy HH:mm');

export function ConnectedClients() {
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { confirm } = useAsk();
  const load = useCallback(() => {
    fetchValue('auth.sessions', {}).then((r) => setSessions(r.sessions)).catch((e: Error) => setMessage(e.message));
  }, []);
  useEffect(load, [load]);

  async function end(s: Session) {
    const sure = await confirm({ title: `Kết thúc phiên của ${s.fullName}?`, text: `Máy ${s.clientAddress ?? 'này'} sẽ phải đăng nhập lại.`, ok: 'Kết thúc phiên', danger: true });
    if (!sure) return;
    const r = await call('auth.endSession', { id: s.id });
    setMessage(r.ok ? `Đã kết thúc phiên của ${s.fullName}.` : r.error.message);
    load();
  }

  return (
    <section aria-label="Người đang kết nối">
      <h2>Người đang kết nối</h2>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid" aria-label="Danh sách phiên đăng nhập">
        <thead><tr><th>Người dùng</th><th>Địa chỉ máy</th><th>Chương trình</th><th>Đăng nhập lúc</th><th>Hoạt động gần nhất</th><th /></tr></thead>
        <tbody>
          {sessions?.length === 0 ? <tr><td colSpan={6}>Không có ai đang đăng nhập.</td></tr> : null}
          {sessions?.map((s) => (
            <tr key={s.id}>
              <td>{s.fullName} <span className="small">({s.username})</span></td>
              <td>{s.clientAddress ?? 'máy chủ'}</td>
              <td className="small">{s.program ?? ''}</td>
              <td className="nowrap">{at(s.createdAt)}</td>
              <td className="nowrap">{at(s.lastSeenAt)}</td>
              <td>{s.current ? <span className="small">phiên của bạn</span> : <button type="button" onClick={() => void end(s)}>Kết thúc phiên</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions"><button type="button" onClick={load}>Tải lại</button></div>
    </section>
  );
}
