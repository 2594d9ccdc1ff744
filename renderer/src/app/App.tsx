import { useCallback, useEffect, useState } from 'react';
import type { Agency } from '../../../shared/api/agency';
import { areas, type AreaKey } from '../../../shared/labels';
import { fetchValue } from '../api/client';
import { AgencyForm } from '../settings/AgencyForm';
import { UnitsPage } from '../units/UnitsPage';
import { SettingsPage } from '../settings/SettingsPage';
import { ComingSoon } from './ComingSoon';

function areaFromHash(): AreaKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  return areas.find((a) => a.key === key)?.key ?? 'incoming';
}

export function App() {
  const [agency, setAgency] = useState<Agency | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [area, setArea] = useState<AreaKey>(areaFromHash);

  const load = useCallback(() => {
    fetchValue('agency.get', {})
      .then(setAgency)
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const on = () => setArea(areaFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);

  if (loadError) return <div className="fatal" role="alert">{loadError}</div>;
  if (!agency) return <div className="loading">Đang tải…</div>;
  if (!agency.configured) {
    return (
      <main className="first-run">
        <h1>Chào mừng đến với Văn thư</h1>
        <p>Trước khi bắt đầu, hãy nhập thông tin cơ quan. Tên và tên viết tắt dùng trong số, ký hiệu văn bản và trên các báo cáo.</p>
        <AgencyForm agency={agency} onSaved={setAgency} submitLabel="Bắt đầu sử dụng" />
      </main>
    );
  }

  return (
    <div className="frame">
      <header className="topbar">
        <div className="brand">
          <span className="brand-parent">{agency.parentName}</span>
          <span className="brand-name">{agency.name}</span>
        </div>
        <span className="product">Văn thư</span>
      </header>
      <nav className="sidenav" aria-label="Chức năng">
        <ul>
          {areas.map((a) => (
            <li key={a.key}>
              <a href={`#/${a.key}`} aria-current={a.key === area ? 'page' : undefined}>
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {area === 'units' ? (
          <UnitsPage />
        ) : area === 'settings' ? (
          <SettingsPage agency={agency} onSaved={setAgency} />
        ) : (
          <ComingSoon area={area} />
        )}
      </main>
    </div>
  );
}
