/**
 * Sign-in around the app: while users exist, nothing shows without a session;
 * after the idle time without keyboard or mouse the screen locks (the session
 * is ended, so a shared office PC does not stay open).
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Output } from '../../../shared/api/index';
import { call, fetchValue } from '../api/client';

type Status = Output<'auth.status'>;
interface Auth {
  status: Status;
  may: (method: string) => boolean;
  logout: () => void;
  reload: () => void;
}

const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthGate');
  return a;
}

export function AuthGate({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useCallback(() => {
    fetchValue('auth.status', {}).then(setStatus).catch((e: Error) => setError(e.message));
  }, []);
  useEffect(reload, [reload]);
  const logout = useCallback(
    (why?: string) => {
      void call('auth.logout', {}).then(() => {
        setNotice(why ?? null);
        reload();
      });
    },
    [reload],
  );
  useIdleLock(status?.user ? status.idleMinutes : null, () => logout(`Đã khóa màn hình vì không dùng quá ${status?.idleMinutes ?? 0} phút. Hãy đăng nhập lại.`));

  if (error) return <div className="fatal" role="alert">{error}</div>;
  if (!status) return <div className="loading">Đang tải…</div>;
  if (status.usersExist && !status.user) return <LoginScreen notice={notice} onDone={() => { setNotice(null); reload(); }} />;
  const allowed = new Set(status.allowed);
  return <AuthContext.Provider value={{ status, may: (m) => allowed.has(m), logout: () => logout(), reload }}>{children}</AuthContext.Provider>;
}

function useIdleLock(minutes: number | null, lock: () => void) {
  const last = useRef(Date.now());
  const lockRef = useRef(lock);
  lockRef.current = lock;
  useEffect(() => {
    if (minutes === null) return;
    last.current = Date.now();
    const touch = () => (last.current = Date.now());
    const events = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current > minutes * 60_000) lockRef.current();
    }, 15_000);
    return () => {
      for (const e of events) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [minutes]);
}

function LoginScreen({ notice, onDone }: { notice: string | null; onDone: () => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await call('auth.login', { username, password });
    setBusy(false);
    if (!r.ok) return setMessage(r.error.message);
    onDone();
  }
  return (
    <main className="first-run">
      <h1>Văn thư — đăng nhập</h1>
      {notice ? <div className="notice" role="status">{notice}</div> : null}
      <form className="form" onSubmit={submit} aria-label="Đăng nhập">
        <div className="field"><label htmlFor="login-user">Tên đăng nhập</label><input id="login-user" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus /></div>
        <div className="field"><label htmlFor="login-pass">Mật khẩu</label><input id="login-pass" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} /></div>
        {message ? <div className="form-message" role="alert">{message}</div> : null}
        <div className="actions"><button type="submit" className="primary" disabled={busy}>Đăng nhập</button></div>
      </form>
    </main>
  );
}
