/** One task: its facts, its periods with status, the progress history, and what the clerk records next. */
import { useEffect, useState, type FormEvent } from 'react';
import type { Task } from '../../../shared/api/tasks';
import { formatDateVi, toIsoDate } from '../../../shared/dates';
import { taskStatusLabels } from '../../../shared/tasks/status';
import { call, fetchValue } from '../api/client';
import { DateInput } from '../components/DateInput';
import { DeleteButton } from '../components/DeleteButton';
import { Field, FormMessage, useFormErrors } from '../components/form';

interface Props {
  id: number;
  onChanged: () => void;
  onClose: () => void;
}

type Action = 'progress' | 'complete' | 'remind' | 'cancel';

export function TaskDetail({ id, onChanged, onClose }: Props) {
  const [task, setTask] = useState<Task | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    fetchValue('tasks.get', { id }).then(setTask).catch((e: Error) => setLoadError(e.message));
  }, [id]);
  if (loadError) return <div className="panel wide form-message">{loadError}</div>;
  if (!task) return <div className="panel wide">Đang tải…</div>;

  const refresh = (t: Task) => {
    setTask(t);
    onChanged();
  };
  const facts: [string, string][] = [
    ['Nguồn giao', task.source ?? ''],
    ['Người giao', task.assignedBy ?? ''],
    ['Đơn vị chủ trì', task.leadUnit?.name ?? '(giao chung các đơn vị)'],
    ['Phối hợp', task.coordinatingUnits.map((u) => u.name).join(', ')],
    ['Người thực hiện', task.person ?? ''],
    ['Thời hạn', task.recurrence ?? task.timeText ?? ''],
    ['Chỉ tiêu', task.targetQuantity !== null ? `${task.targetQuantity} ${task.targetUnit ?? ''}` : ''],
    ['Nhóm/lĩnh vực', task.field ?? ''],
    ['Trọng tâm', task.focus ? 'Có' : ''],
    ['Chương trình công tác cấp trên', task.inSuperiorProgramme ? 'Đã đăng ký' : ''],
    ['Trạng thái', task.state === 'paused' ? `Tạm dừng${task.stateReason ? ` — ${task.stateReason}` : ''}` : task.state === 'cancelled' ? `Đã hủy — ${task.stateReason ?? ''}` : ''],
  ];
  const reached = task.progress.reduce<number | null>((max, p) => (p.quantity !== null ? Math.max(max ?? 0, p.quantity) : max), null);

  return (
    <aside className="panel wide" aria-label="Chi tiết nhiệm vụ">
      <div className="panel-head">
        <h2>Nhiệm vụ</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      <p className="subject">{task.content}</p>
      <dl className="facts">
        {facts.filter(([, v]) => v).map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
        {task.targetQuantity !== null && reached !== null ? (
          <div><dt>Đã đạt</dt><dd>{reached} / {task.targetQuantity} ({Math.round((reached / task.targetQuantity) * 100)}%)</dd></div>
        ) : null}
      </dl>
      <h3>Các kỳ thực hiện</h3>
      <table className="mini">
        <thead><tr><th>Kỳ</th><th>Hạn</th><th>Hoàn thành</th><th>Tình trạng</th></tr></thead>
        <tbody>
          {task.occurrences.map((o) => (
            <tr key={o.id}>
              <td>{o.periodLabel ?? 'Một lần'}</td>
              <td>{o.due ? formatDateVi(o.due) : o.periodLabel ?? 'Không có hạn'}</td>
              <td>{formatDateVi(o.completedAt)}</td>
              <td className={`status-${o.status}`}>{taskStatusLabels[o.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Tiến độ và đôn đốc</h3>
      {task.progress.length === 0 && task.reminders.length === 0 ? <p className="muted">Chưa có báo cáo tiến độ.</p> : null}
      <ol className="history">
        {[
          ...task.progress.map((p) => ({ date: p.date, key: `p${p.id}`, text: `${p.result}${p.quantity !== null ? ` — đạt ${p.quantity}` : ''}${p.percent !== null ? ` (${p.percent}%)` : ''}` })),
          ...task.reminders.map((r) => ({ date: r.date, key: `r${r.id}`, text: `Đôn đốc${r.note ? `: ${r.note}` : ''}` })),
        ]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((h) => <li key={h.key}><span className="date">{formatDateVi(h.date)}</span> {h.text}</li>)}
      </ol>
      {task.state !== 'cancelled' ? <Actions task={task} onDone={refresh} /> : null}
      <DeleteButton kind="tasks" id={task.id} onDeleted={() => { onChanged(); onClose(); }} />
    </aside>
  );
}

function Actions({ task, onDone }: { task: Task; onDone: (t: Task) => void }) {
  const [action, setAction] = useState<Action>('progress');
  const [date, setDate] = useState<string | null>(toIsoDate(new Date()));
  const [textValue, setText] = useState('');
  const [quantity, setQuantity] = useState('');
  const [percent, setPercent] = useState('');
  const open = task.occurrences.filter((o) => !o.completedAt);
  const [occurrenceId, setOccurrenceId] = useState<number | null>(open[0]?.id ?? null);
  const { errors, show, clear } = useFormErrors();
  const num = (s: string) => (s.trim() ? Number(s.replace(',', '.')) : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const d = date ?? '';
    const r =
      action === 'progress'
        ? await call('tasks.reportProgress', { id: task.id, occurrenceId, date: d, result: textValue, quantity: num(quantity), percent: num(percent) })
        : action === 'complete'
          ? await call('tasks.complete', { id: task.id, occurrenceId, date: d, result: textValue })
          : action === 'remind'
            ? await call('tasks.remind', { id: task.id, occurrenceId, date: d, note: textValue })
            : await call('tasks.cancel', { id: task.id, reason: textValue });
    if (!r.ok) return show(r.error);
    clear();
    setText('');
    setQuantity('');
    setPercent('');
    onDone(r.value);
  }
  async function togglePause() {
    const r = task.state === 'paused' ? await call('tasks.resume', { id: task.id }) : await call('tasks.pause', { id: task.id, reason: textValue });
    if (!r.ok) return show(r.error);
    onDone(r.value);
  }
  const labels: Record<Action, string> = { progress: 'Báo cáo tiến độ', complete: 'Hoàn thành', remind: 'Đôn đốc', cancel: 'Hủy nhiệm vụ' };
  const textLabel = action === 'progress' ? 'Kết quả thực hiện' : action === 'complete' ? 'Kết quả' : action === 'remind' ? 'Nội dung đôn đốc' : 'Lý do hủy';

  return (
    <form className="assign" onSubmit={(e) => void submit(e)} aria-label="Ghi nhận nhiệm vụ">
      <div className="tabs small" role="tablist">
        {(Object.keys(labels) as Action[]).map((a) => (
          <button key={a} type="button" role="tab" aria-selected={action === a} className={action === a ? 'tab active' : 'tab'} onClick={() => setAction(a)}>{labels[a]}</button>
        ))}
        <button type="button" className="tab" onClick={() => void togglePause()}>{task.state === 'paused' ? 'Tiếp tục' : 'Tạm dừng'}</button>
      </div>
      <FormMessage errors={errors} />
      {action !== 'cancel' && open.length > 1 ? (
        <Field id="task-occ" label="Kỳ" error={errors.byField.occurrenceId}>
          <select id="task-occ" value={occurrenceId ?? ''} onChange={(e) => setOccurrenceId(Number(e.target.value))}>
            {open.map((o) => <option key={o.id} value={o.id}>{o.periodLabel ?? 'Một lần'} — hạn {formatDateVi(o.due)}</option>)}
          </select>
        </Field>
      ) : null}
      {action !== 'cancel' ? (
        <Field id="task-date" label="Ngày" error={errors.byField.date}>
          <DateInput id="task-date" label="Ngày" value={date} onChange={setDate} />
        </Field>
      ) : null}
      <Field id="task-text" label={textLabel} required={action === 'progress' || action === 'cancel'} error={errors.byField.result ?? errors.byField.note ?? errors.byField.reason}>
        <textarea id="task-text" rows={2} value={textValue} onChange={(e) => setText(e.target.value)} />
      </Field>
      {action === 'progress' ? (
        <div className="row2">
          <Field id="task-qty" label="Số lượng đạt" error={errors.byField.quantity}>
            <input id="task-qty" inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
          </Field>
          <Field id="task-pct" label="Tỷ lệ (%)" error={errors.byField.percent}>
            <input id="task-pct" inputMode="decimal" value={percent} onChange={(e) => setPercent(e.target.value)} />
          </Field>
        </div>
      ) : null}
      <button type="submit" className="primary">{labels[action]}</button>
    </form>
  );
}
