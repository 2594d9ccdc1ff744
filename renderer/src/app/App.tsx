import { useCallback, useEffect, useState } from 'react';
import type { Agency } from '../../../shared/api/agency';
import { areas, type AreaKey } from '../../../shared/labels';
import { fetchValue, onEvent } from '../api/client';
import { AgencyForm } from '../settings/AgencyForm';
import { UnitsPage } from '../units/UnitsPage';
import { SettingsPage } from '../settings/SettingsPage';
import type { SearchHit } from '../../../shared/api/search';
import { ImportPage } from '../imports/ImportPage';
import { IncomingPage } from '../incoming/IncomingPage';
import { OutgoingPage } from '../outgoing/OutgoingPage';
import { SearchDialog } from '../search/SearchDialog';
import { TasksPage } from '../tasks/TasksPage';
import { useAuth } from '../auth/AuthGate';
import { roleLabels } from '../../../shared/api/auth';
import { DossiersPage } from '../dossiers/DossiersPage';
import { AuditPage } from '../safety/AuditPage';
import { ReportsPage } from '../reports/ReportsPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { TrashPage } from '../safety/TrashPage';
import type { OpenRequest } from './open-request';
import { IntakePage } from '../intake/IntakePage';
import { useWaitingCount } from '../intake/useWaitingCount';
import { useNotifications } from '../intake/useNotifications';
import { ConnectForm } from '../office/OfficeConnect';

type Route = AreaKey | 'import';

function routeFromHash(): Route {
  const key = window.location.hash.replace(/^#\/?/, '');
  if (key === 'import' || key.startsWith('import/')) return 'import';
  const base = key.split('?')[0];
  return areas.find((a) => a.key === base)?.key ?? 'home';
}

/** The method that shows an area: the area is in the menu only if the user may call it. */
const areaMethod: Partial<Record<AreaKey, string>> = {
  home: 'reports.dashboard',
  incoming: 'incoming.list',
  intake: 'intake.list',
  outgoing: 'outgoing.list',
  tasks: 'tasks.list',
  dossiers: 'dossiers.plan',
  reports: 'reports.monthly',
  units: 'units.list',
  trash: 'trash.list',
  audit: 'audit.list',
};

export function App() {
  const auth = useAuth();
  const [agency, setAgency] = useState<Agency | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [area, setArea] = useState<Route>(routeFromHash);
  const [searching, setSearching] = useState(false);
  const [open, setOpen] = useState<{ kind: 'incoming' | 'outgoing'; req: OpenRequest } | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  const waiting = useWaitingCount(auth.may('intake.list'));
  useNotifications();
  // The background check of a large database speaks up only when something is wrong.
  useEffect(() => onEvent((e) => {
    const r = e as { type: string; ok?: boolean; message?: string };
    if (r.type === 'integrity' && r.ok === false) setDamaged(r.message ?? '');
  }), []);

  const load = useCallback(() => {
    fetchValue('agency.get', {})
      .then(setAgency)
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const on = () => setArea(routeFromHash());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
        e.preventDefault();
        setSearching(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function openHit(h: SearchHit) {
    setSearching(false);
    window.location.hash = `#/${h.kind}`;
    setOpen({ kind: h.kind, req: { id: h.id, seq: Date.now() } });
  }

  if (loadError) return <div className="fatal" role="alert">{loadError}</div>;
  if (!agency) return <div className="loading">Đang tải…</div>;
  if (!agency.configured) {
    return (
      <main className="first-run">
        <h1>Chào mừng đến với Văn thư</h1>
        <p>Trước khi bắt đầu, hãy nhập thông tin cơ quan. Tên và tên viết tắt dùng trong số, ký hiệu văn bản và trên các báo cáo.</p>
        <p className="muted">Tiếp theo: các đơn vị của cơ quan, rồi tài khoản quản trị đầu tiên; trang Tổng quan nhắc các bước còn lại.</p>
        <AgencyForm
          agency={agency}
          onSaved={(a) => {
            // Next come the units, which every register and task names.
            window.location.hash = '#/units';
            setAgency(a);
          }}
          submitLabel="Bắt đầu sử dụng"
        />
        <section aria-label="Kết nối máy chủ văn phòng">
          <h2>Hoặc: máy này là máy trạm của văn phòng</h2>
          <ConnectForm />
        </section>
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
        <button type="button" className="search-button" onClick={() => setSearching(true)}>
          Tìm văn bản… <kbd>Ctrl+K</kbd>
        </button>
        {auth.status.user ? (
          <span className="who">
            {auth.status.user.fullName} ({roleLabels[auth.status.user.role]}){' '}
            <button type="button" className="link light" onClick={auth.logout}>Đăng xuất</button>
          </span>
        ) : (
          <a className="who light" href="#/settings">Chưa có tài khoản: tạo tài khoản quản trị</a>
        )}
        <span className="product">Văn thư</span>
      </header>
      <nav className="sidenav" aria-label="Chức năng">
        <ul>
          {areas.filter((a) => !areaMethod[a.key] || auth.may(areaMethod[a.key]!)).map((a) => (
            <li key={a.key}>
              <a href={`#/${a.key}`} aria-current={a.key === area || (area === 'import' && a.key === (window.location.hash.includes('import/tthc') ? 'dossiers' : 'incoming')) ? 'page' : undefined}>
                {a.label}
                {a.key === 'intake' && waiting ? <span className="nav-count" aria-label={`${waiting} văn bản chờ`}>{waiting}</span> : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {damaged !== null ? <div className="form-message" role="alert">Kiểm tra cơ sở dữ liệu phát hiện lỗi ({damaged}). Hãy khôi phục từ bản sao lưu gần nhất (Cài đặt → Sao lưu) và báo cho người quản trị.</div> : null}
        {area === 'home' && !auth.may('reports.dashboard') ? (
          <IncomingPage key={window.location.hash} open={null} />
        ) : area === 'home' ? (
          <DashboardPage />
        ) : area === 'incoming' ? (
          <IncomingPage key={window.location.hash} open={open?.kind === 'incoming' ? open.req : null} />
        ) : area === 'intake' ? (
          <IntakePage />
        ) : area === 'outgoing' ? (
          <OutgoingPage key={window.location.hash} open={open?.kind === 'outgoing' ? open.req : null} />
        ) : area === 'tasks' ? (
          <TasksPage key={window.location.hash} />
        ) : area === 'dossiers' ? (
          <DossiersPage />
        ) : area === 'import' ? (
          <ImportPage />
        ) : area === 'reports' ? (
          <ReportsPage />
        ) : area === 'trash' ? (
          <TrashPage />
        ) : area === 'audit' ? (
          <AuditPage />
        ) : area === 'units' ? (
          <UnitsPage />
        ) : (
          <SettingsPage agency={agency} onSaved={setAgency} />
        )}
      </main>
      {searching ? <SearchDialog onClose={() => setSearching(false)} onOpen={openHit} /> : null}
    </div>
  );
}
