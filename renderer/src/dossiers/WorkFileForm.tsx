/** Thêm hồ sơ vào danh mục, and headings (đề mục) of the year. */
import { useState, type FormEvent } from 'react';
import type { Heading } from '../../../shared/api/dossiers';
import type { Unit } from '../../../shared/api/units';
import { call } from '../api/client';
import { Field, FormMessage, useFormErrors } from '../components/form';

const retentions = ['permanent', '70', '50', '20', '10', '5', '2'] as const;

export function WorkFileForm({ year, headings, units, onSaved, onClose }: { year: number; headings: Heading[]; units: Unit[]; onSaved: () => void; onClose: () => void }) {
  const [v, setV] = useState({ headingId: headings[headings.length - 1]?.id ? String(headings[headings.length - 1]!.id) : '', code: '', title: '', retention: '10', keeperUnitId: '', keeperPerson: '', note: '' });
  const [h, setH] = useState({ title: '', parentId: '' });
  const [done, setDone] = useState<string | null>(null);
  const file = useFormErrors();
  const heading = useFormErrors();
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });

  async function addFile(e: FormEvent) {
    e.preventDefault();
    const r = await call('dossiers.create', {
      year,
      headingId: v.headingId ? Number(v.headingId) : null,
      code: v.code,
      title: v.title,
      retention: v.retention === 'permanent' ? 'permanent' : Number(v.retention),
      keeperUnitId: v.keeperUnitId ? Number(v.keeperUnitId) : null,
      keeperPerson: v.keeperPerson,
      note: v.note,
    });
    if (!r.ok) return file.show(r.error);
    file.clear();
    setDone(`Đã thêm hồ sơ ${r.value.code}.`);
    setV({ ...v, code: '', title: '', note: '' });
    onSaved();
  }
  async function addHeading(e: FormEvent) {
    e.preventDefault();
    const r = await call('dossiers.addHeading', { year, title: h.title, parentId: h.parentId ? Number(h.parentId) : null });
    if (!r.ok) return heading.show(r.error);
    heading.clear();
    setDone(`Đã thêm đề mục ${r.value.label}. ${r.value.title}.`);
    setH({ ...h, title: '' });
    onSaved();
  }

  return (
    <aside className="panel wide" aria-label="Thêm hồ sơ">
      <div className="panel-head">
        <h2>Danh mục hồ sơ năm {year}</h2>
        <button type="button" onClick={onClose} aria-label="Đóng">✕</button>
      </div>
      {done ? <div className="notice" role="status">{done}</div> : null}
      <form className="form" onSubmit={addFile} noValidate aria-label="Thêm hồ sơ">
        <h3>Thêm hồ sơ</h3>
        <FormMessage errors={file.errors} />
        <Field id="wf-heading" label="Đề mục" error={file.errors.byField.headingId}>
          <select id="wf-heading" value={v.headingId} onChange={set('headingId')}>
            <option value="">(chưa xếp đề mục)</option>
            {headings.map((x) => <option key={x.id} value={x.id}>{x.parentId ? '\u00a0\u00a0\u00a0' : ''}{x.label}. {x.title}</option>)}
          </select>
        </Field>
        <Field id="wf-code" label="Số và ký hiệu hồ sơ" required error={file.errors.byField.code} hint="Ví dụ 01.VP">
          <input id="wf-code" value={v.code} onChange={set('code')} />
        </Field>
        <Field id="wf-title" label="Tiêu đề hồ sơ" required error={file.errors.byField.title}>
          <textarea id="wf-title" rows={2} value={v.title} onChange={set('title')} />
        </Field>
        <Field id="wf-retention" label="Thời hạn bảo quản" required error={file.errors.byField.retention}>
          <select id="wf-retention" value={v.retention} onChange={set('retention')}>
            {retentions.map((r) => <option key={r} value={r}>{r === 'permanent' ? 'Vĩnh viễn' : `${r} năm`}</option>)}
          </select>
        </Field>
        <Field id="wf-unit" label="Đơn vị lập hồ sơ" error={file.errors.byField.keeperUnitId}>
          <select id="wf-unit" value={v.keeperUnitId} onChange={set('keeperUnitId')}>
            <option value="">(chọn đơn vị)</option>
            {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </Field>
        <Field id="wf-person" label="Người lập hồ sơ" error={file.errors.byField.keeperPerson}>
          <input id="wf-person" value={v.keeperPerson} onChange={set('keeperPerson')} />
        </Field>
        <div className="actions"><button type="submit" className="primary">Thêm hồ sơ</button></div>
      </form>
      <form className="form sub" onSubmit={addHeading} noValidate aria-label="Thêm đề mục">
        <h3>Thêm đề mục</h3>
        <FormMessage errors={heading.errors} />
        <Field id="hd-parent" label="Thuộc đề mục" error={heading.errors.byField.parentId}>
          <select id="hd-parent" value={h.parentId} onChange={(e) => setH({ ...h, parentId: e.target.value })}>
            <option value="">(đề mục lớn, số La Mã)</option>
            {headings.filter((x) => x.parentId === null).map((x) => <option key={x.id} value={x.id}>{x.label}. {x.title}</option>)}
          </select>
        </Field>
        <Field id="hd-title" label="Tên đề mục" required error={heading.errors.byField.title}>
          <input id="hd-title" value={h.title} onChange={(e) => setH({ ...h, title: e.target.value })} />
        </Field>
        <div className="actions"><button type="submit">Thêm đề mục</button></div>
      </form>
    </aside>
  );
}
