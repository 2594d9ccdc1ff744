/** Hồ sơ công việc: the yearly list with its headings, hand-over warnings, and the files picked for hand-over. */
import { useCallback, useEffect, useState } from 'react';
import { dossierStateLabels, retentionLabel, type Dossier, type Heading } from '../../../shared/api/dossiers';
import type { Unit } from '../../../shared/api/units';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { call, fetchValue } from '../api/client';
import { exportToFile } from '../components/exportFile';
import { HandOverDialog } from './HandOverDialog';
import { WorkFileDetail } from './WorkFileDetail';
import { WorkFileForm } from './WorkFileForm';

const warningText = (f: Dossier) =>
  f.handoverWarning === 'overdue' ? `Quá hạn nộp lưu (${formatDateVi(f.handoverDue)})` : f.handoverWarning === 'soon' ? `Sắp đến hạn nộp lưu (${formatDateVi(f.handoverDue)})` : '';

export function WorkFilesView({ units, reload, onChanged }: { units: Unit[]; reload: number; onChanged: () => void }) {
  const thisYear = Number(toIsoDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [plan, setPlan] = useState<{ headings: Heading[]; files: Dossier[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyWarned, setOnlyWarned] = useState(false);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [panel, setPanel] = useState<{ kind: 'form' } | { kind: 'detail'; id: number } | null>(null);
  const [handingOver, setHandingOver] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    fetchValue('dossiers.plan', { year })
      .then((p) => {
        setPlan(p);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [year]);
  useEffect(load, [load, reload]);

  async function copyLastYear() {
    const r = await call('dossiers.copyYear', { fromYear: year - 1, toYear: year });
    setMessage(r.ok ? `Đã sao chép ${r.value.headings} đề mục và ${r.value.files} hồ sơ từ danh mục năm ${year - 1}.` : (r.error.fields[0]?.message ?? r.error.message));
    if (r.ok) onChanged();
  }
  async function printPlan(format: 'docx' | 'xlsx') {
    setMessage('Đang xuất…');
    setMessage(await exportToFile(() => call('exports.dossierPlan', { year, format }), (n) => `${n} hồ sơ`));
  }

  const files = (plan?.files ?? []).filter((f) => !onlyWarned || f.handoverWarning);
  const toggle = (id: number) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const row = (f: Dossier) => (
    <tr key={f.id} className={f.handoverWarning ? `file-${f.handoverWarning}` : undefined} onDoubleClick={() => setPanel({ kind: 'detail', id: f.id })}>
      <td>{f.state === 'closed' ? <input type="checkbox" aria-label={`Chọn hồ sơ ${f.code} để nộp lưu`} checked={picked.has(f.id)} onChange={() => toggle(f.id)} /> : null}</td>
      <td><button type="button" className="link" onClick={() => setPanel({ kind: 'detail', id: f.id })}>{f.code}</button></td>
      <td>{f.title}</td>
      <td>{retentionLabel(f.retention)}</td>
      <td>{[f.keeperUnit?.name, f.keeperPerson].filter(Boolean).join(' - ')}</td>
      <td className="num">{f.documentCount}</td>
      <td>{dossierStateLabels[f.state]}{f.handover ? ` ${formatDateVi(f.handover.date)}` : ''}</td>
      <td className="warn">{warningText(f)}</td>
    </tr>
  );
  const placed = new Set<number>();
  const body = (plan?.headings ?? []).flatMap((h) => {
    const mine = files.filter((f) => f.headingId === h.id);
    mine.forEach((f) => placed.add(f.id));
    if (onlyWarned && !mine.length) return [];
    return [
      <tr key={`h${h.id}`} className={h.parentId === null ? 'heading1' : 'heading2'}><td colSpan={8}>{h.label}. {h.title}</td></tr>,
      ...mine.map(row),
    ];
  });
  const rest = files.filter((f) => !placed.has(f.id));

  return (
    <>
      <div className="toolbar filters">
        <label>Năm{' '}
          <select value={year} onChange={(e) => { setYear(Number(e.target.value)); setPicked(new Set()); }} aria-label="Năm của danh mục">
            {Array.from({ length: 12 }, (_, i) => thisYear + 1 - i).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={onlyWarned} onChange={(e) => setOnlyWarned(e.target.checked)} /> Chỉ hồ sơ đến hạn nộp lưu</label>
        <span className="quick">
          <button type="button" onClick={() => setPanel({ kind: 'form' })}>Thêm hồ sơ, đề mục</button>
          <button type="button" onClick={() => void copyLastYear()}>Sao chép danh mục năm {year - 1}</button>
          <button type="button" onClick={() => void printPlan('docx')}>In danh mục (Word)</button>
          <button type="button" onClick={() => void printPlan('xlsx')}>Excel</button>
          <button type="button" className="primary" disabled={picked.size === 0} onClick={() => setHandingOver(true)}>Nộp lưu {picked.size ? `${picked.size} hồ sơ` : ''}</button>
        </span>
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
      {error ? <div className="form-message" role="alert">{error}</div> : null}
      <div className="split">
        <div className="plan">
          <table className="grid plan-table" aria-label={`Danh mục hồ sơ năm ${year}`}>
            <thead>
              <tr><th aria-label="Chọn" /><th>Số, ký hiệu</th><th>Tiêu đề hồ sơ</th><th>Thời hạn bảo quản</th><th>Đơn vị/người lập</th><th>Số văn bản</th><th>Trạng thái</th><th>Nộp lưu</th></tr>
            </thead>
            <tbody>
              {body}
              {rest.length ? <tr className="heading1"><td colSpan={8}>Hồ sơ chưa xếp đề mục</td></tr> : null}
              {rest.map(row)}
              {plan && !plan.files.length ? <tr><td colSpan={8} className="muted">Danh mục hồ sơ năm {year} chưa có hồ sơ. Thêm hồ sơ hoặc sao chép danh mục năm trước.</td></tr> : null}
            </tbody>
          </table>
        </div>
        {panel?.kind === 'form' && plan ? (
          <WorkFileForm year={year} headings={plan.headings} units={units} onClose={() => setPanel(null)} onSaved={() => { load(); onChanged(); }} />
        ) : panel?.kind === 'detail' ? (
          <WorkFileDetail key={panel.id} id={panel.id} onChanged={() => { load(); onChanged(); }} onClose={() => setPanel(null)} />
        ) : null}
      </div>
      {handingOver ? (
        <HandOverDialog
          files={(plan?.files ?? []).filter((f) => picked.has(f.id))}
          units={units}
          onClose={() => setHandingOver(false)}
          onDone={() => { setPicked(new Set()); load(); onChanged(); }}
        />
      ) : null}
    </>
  );
}
