/** Giao nhiệm vụ: a new task, with a deadline or a recurring time text ("hàng năm trước 30/11"). */
import { useState, type FormEvent } from 'react';
import type { Task } from '../../../shared/api/tasks';
import type { Unit } from '../../../shared/api/units';
import { call } from '../api/client';
import { DateInput } from '../components/DateInput';
import { Field, FormMessage, useFormErrors } from '../components/form';

export interface TaskFormPrefill {
  content?: string;
  sourceIncomingId?: number;
  leadUnitId?: number | null;
  deadline?: string | null;
  coordinatingUnitIds?: number[];
}

export function TaskForm({ units, prefill, onSaved, onClose }: { units: Unit[]; prefill?: TaskFormPrefill; onSaved: (t: Task) => void; onClose: () => void }) {
  const [v, setV] = useState({
    content: prefill?.content ?? '',
    sourceText: '',
    assignedBy: '',
    leadUnitId: prefill?.leadUnitId ? String(prefill.leadUnitId) : '',
    person: '',
    timeText: '',
    field: '',
    targetQuantity: '',
    targetUnit: '',
  });
  const [deadline, setDeadline] = useState<string | null>(prefill?.deadline ?? null);
  const [startDate, setStartDate] = useState<string | null>(null);
  const [coordinating, setCoordinating] = useState<number[]>(prefill?.coordinatingUnitIds ?? []);
  const [focus, setFocus] = useState(false);
  const [programme, setProgramme] = useState(false);
  const { errors, show } = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('tasks.create', {
      content: v.content,
      sourceIncomingId: prefill?.sourceIncomingId ?? null,
      sourceText: v.sourceText,
      assignedBy: v.assignedBy,
      leadUnitId: v.leadUnitId ? Number(v.leadUnitId) : null,
      coordinatingUnitIds: coordinating,
      person: v.person,
      startDate,
      deadline,
      timeText: v.timeText,
      focus,
      field: v.field,
      targetQuantity: v.targetQuantity.trim() ? Number(v.targetQuantity.replace(',', '.')) : null,
      targetUnit: v.targetUnit,
      inSuperiorProgramme: programme,
    });
    if (!r.ok) return show(r.error);
    onSaved(r.value);
  }
  const err = (k: string) => errors.byField[k];

  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} aria-label="Giao nhiệm vụ">
      <div className="panel-head">
        <h2>Giao nhiệm vụ</h2>
        <button type="button" className="close" onClick={onClose} aria-label="Đóng">×</button>
      </div>
      <FormMessage errors={errors} />
      <Field id="task-content" label="Nội dung nhiệm vụ" required error={err('content')}>
        <textarea id="task-content" rows={4} value={v.content} onChange={set('content')} autoFocus />
      </Field>
      {prefill?.sourceIncomingId ? null : (
        <Field id="task-source" label="Nguồn giao" hint="Ví dụ: Công văn 1237/UBND-CN ngày 25/5/2021" error={err('sourceText')}>
          <input id="task-source" value={v.sourceText} onChange={set('sourceText')} />
        </Field>
      )}
      <div className="row2">
        <Field id="task-by" label="Người giao" error={err('assignedBy')}>
          <input id="task-by" value={v.assignedBy} onChange={set('assignedBy')} placeholder="Giám đốc Sở" />
        </Field>
        <Field id="task-person" label="Người thực hiện" error={err('person')}>
          <input id="task-person" value={v.person} onChange={set('person')} />
        </Field>
      </div>
      <Field id="task-lead" label="Đơn vị chủ trì" error={err('leadUnitId')}>
        <select id="task-lead" value={v.leadUnitId} onChange={set('leadUnitId')}>
          <option value="">(giao chung các đơn vị)</option>
          {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </Field>
      <fieldset className="checks" aria-label="Đơn vị phối hợp">
        <legend>Đơn vị phối hợp</legend>
        {units.filter((u) => String(u.id) !== v.leadUnitId).map((u) => (
          <label key={u.id} className="check">
            <input type="checkbox" checked={coordinating.includes(u.id)} onChange={(e) => setCoordinating(e.target.checked ? [...coordinating, u.id] : coordinating.filter((x) => x !== u.id))} /> {u.name}
          </label>
        ))}
      </fieldset>
      <div className="row2">
        <Field id="task-start" label="Ngày bắt đầu" error={err('startDate')}>
          <DateInput id="task-start" label="Ngày bắt đầu" value={startDate} onChange={setStartDate} />
        </Field>
        <Field id="task-deadline" label="Hạn hoàn thành" error={err('deadline')}>
          <DateInput id="task-deadline" label="Hạn hoàn thành" value={deadline} onChange={setDeadline} />
        </Field>
      </div>
      <Field id="task-time" label="Định kỳ" hint="Ví dụ: hàng năm trước 30/11; định kỳ 6 tháng trước 25/6 và hàng năm trước 31/12; hàng quý; thường xuyên" error={err('timeText')}>
        <input id="task-time" value={v.timeText} onChange={set('timeText')} />
      </Field>
      <div className="row2">
        <Field id="task-target" label="Chỉ tiêu (số lượng)" error={err('targetQuantity')}>
          <input id="task-target" inputMode="decimal" value={v.targetQuantity} onChange={set('targetQuantity')} />
        </Field>
        <Field id="task-target-unit" label="Đơn vị tính" error={err('targetUnit')}>
          <input id="task-target-unit" value={v.targetUnit} onChange={set('targetUnit')} placeholder="giấy chứng nhận" />
        </Field>
      </div>
      <Field id="task-field" label="Nhóm/lĩnh vực" error={err('field')}>
        <input id="task-field" value={v.field} onChange={set('field')} />
      </Field>
      <label className="check"><input type="checkbox" checked={focus} onChange={(e) => setFocus(e.target.checked)} /> Nhiệm vụ trọng tâm</label>
      <label className="check"><input type="checkbox" checked={programme} onChange={(e) => setProgramme(e.target.checked)} /> Đã đăng ký trong chương trình công tác của cấp trên</label>
      <div className="actions">
        <button type="submit" className="primary">Lưu nhiệm vụ</button>
        <button type="button" onClick={onClose}>Hủy</button>
      </div>
    </form>
  );
}
