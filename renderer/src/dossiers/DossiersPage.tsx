/** Hồ sơ: work files for the archive, and administrative-procedure dossiers. */
import { useEffect, useState } from 'react';
import type { Unit } from '../../../shared/api/units';
import { fetchValue, onEvent } from '../api/client';
import { TthcView } from './TthcView';
import { WorkFilesView } from './WorkFilesView';
import '../tasks/tasks.css';
import './dossiers.css';

type Tab = 'files' | 'tthc';

export function DossiersPage() {
  const [tab, setTab] = useState<Tab>(() => (window.location.hash.endsWith('/tthc') ? 'tthc' : 'files'));
  const [units, setUnits] = useState<Unit[]>([]);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    fetchValue('units.list', { kind: 'internal' }).then((r) => setUnits(r.items)).catch(() => setUnits([]));
  }, [reload]);
  useEffect(() => onEvent((e) => e.type === 'data.changed' && setReload((n) => n + 1)), []);
  const changed = () => setReload((n) => n + 1);
  return (
    <section className="page">
      <div className="page-head">
        <h1>Hồ sơ</h1>
        <div className="tabs" role="tablist" aria-label="Loại hồ sơ">
          {([['files', 'Hồ sơ công việc'], ['tthc', 'Thủ tục hành chính']] as const).map(([k, label]) => (
            <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => setTab(k)}>{label}</button>
          ))}
        </div>
      </div>
      {tab === 'files' ? <WorkFilesView units={units} reload={reload} onChanged={changed} /> : <TthcView units={units} reload={reload} onChanged={changed} />}
    </section>
  );
}
