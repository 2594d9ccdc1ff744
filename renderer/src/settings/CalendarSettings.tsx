/**
 * Lịch ngày nghỉ: the year's days off as computed (solar and lunar holidays,
 * compensation days) with the government's decisions on top; the clerk adds
 * a day off or a make-up working day when the government announces one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CalendarYear } from '../../../shared/api/calendar';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';

const weekday = (iso: string) => ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'][new Date(`${iso}T00:00:00`).getDay()];

export function CalendarSettings() {
  const [year, setYear] = useState(Number(toIsoDate(new Date()).slice(0, 4)));
  const [cal, setCal] = useState<CalendarYear | null>(null);
  const [date, setDate] = useState<string | null>(null);
  const [kind, setKind] = useState<'off' | 'work'>('off');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => {
    fetchValue('calendar.year', { year }).then(setCal).catch((e: Error) => setMessage(e.message));
  }, [year]);
  useEffect(load, [load]);

  async function setDay(d: string, k: 'off' | 'work' | 'normal', n: string) {
    const r = await call('calendar.setDay', { date: d, kind: k, note: n });
    if (!r.ok) return setMessage(r.error.fields[0]?.message ?? r.error.message);
    setMessage('Đã lưu. Hạn giải quyết tính theo ngày làm việc từ nay dùng lịch này.');
    setNote('');
    if (r.value.year === year) setCal(r.value);
  }
  return (
    <section aria-label="Lịch ngày nghỉ">
      <h2>Lịch ngày nghỉ và ngày làm bù</h2>
      <div className="toolbar">
        <label>Năm <input type="number" aria-label="Năm của lịch" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.target.value))} className="year-input" /></label>
      </div>
      {cal ? (
        <table className="grid" aria-label={`Ngày nghỉ năm ${year}`}>
          <thead><tr><th>Ngày</th><th>Thứ</th><th>Ngày nghỉ</th></tr></thead>
          <tbody>
            {cal.daysOff.map((d) => <tr key={d.date}><td>{formatDateVi(d.date)}</td><td>{weekday(d.date)}</td><td>{d.name}</td></tr>)}
            {cal.adjustments.filter((a) => a.kind === 'work').map((a) => <tr key={a.date}><td>{formatDateVi(a.date)}</td><td>{weekday(a.date)}</td><td>Ngày làm việc: {a.note ?? 'làm bù'}</td></tr>)}
          </tbody>
        </table>
      ) : null}
      <div className="inline spaced">
        <label>Ngày <DateInput label="Ngày điều chỉnh" value={date} onChange={setDate} /></label>
        <label>Loại
          <select aria-label="Loại ngày" value={kind} onChange={(e) => setKind(e.target.value as 'off' | 'work')}>
            <option value="off">Ngày nghỉ</option>
            <option value="work">Ngày làm việc (làm bù)</option>
          </select>
        </label>
        <label>Ghi chú <input aria-label="Ghi chú ngày điều chỉnh" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Theo Thông báo số … của Bộ Nội vụ" /></label>
        <button type="button" onClick={() => date && void setDay(date, kind, note)} disabled={!date}>Lưu ngày</button>
        <button type="button" onClick={() => date && void setDay(date, 'normal', '')} disabled={!date}>Trả về theo quy định chung</button>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
    </section>
  );
}
