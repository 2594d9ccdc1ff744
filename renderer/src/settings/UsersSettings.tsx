/** Người dùng: the first admin on a new installation; the admin's list of users; changing one's own password. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roleLabels, roles, type Role, type User } from '../../../shared/api/auth';
import type { Unit } from '../../../shared/api/units';
import { call, fetchValue } from '../api/client';
import { useAuth } from '../auth/AuthGate';
import { Field, FormMessage, useFormErrors } from '../components/form';

export function UsersSettings() {
  const auth = useAuth();
  if (!auth.status.usersExist) return <SetupAdmin onDone={auth.reload} />;
  return (
    <section aria-label="Người dùng">
      <h2>Người dùng</h2>
      {auth.may('users.list') ? <UserAdmin /> : null}
      <ChangePassword />
    </section>
  );
}

function SetupAdmin({ onDone }: { onDone: () => void }) {
  const [v, setV] = useState({ username: 'quantri', fullName: '', password: '' });
  const { errors, show } = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('auth.setupAdmin', v);
    if (!r.ok) return show(r.error);
    await call('auth.login', { username: v.username, password: v.password });
    onDone();
  }
  return (
    <section aria-label="Người dùng">
      <h2>Tạo tài khoản quản trị</h2>
      <p className="muted">Chưa có người dùng nào: ai mở được chương trình đều dùng được. Tạo tài khoản quản trị để bắt đầu đăng nhập, rồi thêm văn thư, lãnh đạo, chuyên viên.</p>
      <form className="form" onSubmit={submit} noValidate aria-label="Tạo tài khoản quản trị">
        <FormMessage errors={errors} />
        <Field id="ad-user" label="Tên đăng nhập" required error={errors.byField.username}><input id="ad-user" value={v.username} onChange={(e) => setV({ ...v, username: e.target.value })} /></Field>
        <Field id="ad-name" label="Họ và tên" required error={errors.byField.fullName}><input id="ad-name" value={v.fullName} onChange={(e) => setV({ ...v, fullName: e.target.value })} /></Field>
        <Field id="ad-pass" label="Mật khẩu" required error={errors.byField.password} hint="Ít nhất 10 ký tự"><input id="ad-pass" type="password" autoComplete="new-password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} /></Field>
        <div className="actions"><button type="submit" className="primary">Tạo tài khoản quản trị</button></div>
      </form>
    </section>
  );
}

function UserAdmin() {
  const [users, setUsers] = useState<User[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [v, setV] = useState({ username: '', fullName: '', password: '', role: 'clerk' as Role, unitId: '', secretAccess: false });
  const [message, setMessage] = useState<string | null>(null);
  const { errors, show, clear } = useFormErrors();
  const load = useCallback(() => {
    fetchValue('users.list', {}).then((r) => setUsers(r.items)).catch((e: Error) => setMessage(e.message));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    fetchValue('units.list', { kind: 'internal' }).then((r) => setUnits(r.items)).catch(() => setUnits([]));
  }, []);
  async function create(e: FormEvent) {
    e.preventDefault();
    const r = await call('users.create', { ...v, unitId: v.unitId ? Number(v.unitId) : null });
    if (!r.ok) return show(r.error);
    clear();
    setMessage(`Đã thêm ${r.value.fullName} (${roleLabels[r.value.role]}).`);
    setV({ ...v, username: '', fullName: '', password: '' });
    load();
  }
  async function update(u: User, patch: { role?: Role; unitId?: number | null; secretAccess?: boolean; disabled?: boolean }) {
    const r = await call('users.update', { id: u.id, ...patch });
    setMessage(r.ok ? `Đã cập nhật ${u.fullName}.` : (r.error.fields[0]?.message ?? r.error.message));
    load();
  }
  return (
    <>
      {message ? <div className="notice" role="status">{message}</div> : null}
      <table className="grid" aria-label="Danh sách người dùng">
        <thead><tr><th>Tên đăng nhập</th><th>Họ và tên</th><th>Vai trò</th><th>Đơn vị</th><th>Xem văn bản mật</th><th>Trạng thái</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td>{u.fullName}</td>
              <td><select aria-label={`Vai trò của ${u.username}`} value={u.role} onChange={(e) => void update(u, { role: e.target.value as Role })}>{roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}</select></td>
              <td><select aria-label={`Đơn vị của ${u.username}`} value={u.unit?.id ?? ''} onChange={(e) => void update(u, { unitId: e.target.value ? Number(e.target.value) : null })}><option value="">(không)</option>{units.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select></td>
              <td><input type="checkbox" aria-label={`${u.username} được xem văn bản mật`} checked={u.secretAccess} onChange={(e) => void update(u, { secretAccess: e.target.checked })} /></td>
              <td><button type="button" onClick={() => void update(u, { disabled: !u.disabled })}>{u.disabled ? 'Mở khóa' : 'Khóa'}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Thêm người dùng</h3>
      <form className="form sub inline" onSubmit={create} noValidate aria-label="Thêm người dùng">
        <FormMessage errors={errors} />
        <Field id="nu-user" label="Tên đăng nhập" error={errors.byField.username}><input id="nu-user" value={v.username} onChange={(e) => setV({ ...v, username: e.target.value })} /></Field>
        <Field id="nu-name" label="Họ và tên" error={errors.byField.fullName}><input id="nu-name" value={v.fullName} onChange={(e) => setV({ ...v, fullName: e.target.value })} /></Field>
        <Field id="nu-role" label="Vai trò" error={errors.byField.role}><select id="nu-role" value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as Role })}>{roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}</select></Field>
        <Field id="nu-unit" label="Đơn vị" error={errors.byField.unitId}><select id="nu-unit" value={v.unitId} onChange={(e) => setV({ ...v, unitId: e.target.value })}><option value="">(không)</option>{units.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}</select></Field>
        <Field id="nu-pass" label="Mật khẩu ban đầu" error={errors.byField.password}><input id="nu-pass" type="password" autoComplete="new-password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} /></Field>
        <label className="check"><input type="checkbox" checked={v.secretAccess} onChange={(e) => setV({ ...v, secretAccess: e.target.checked })} /> Được xem văn bản mật</label>
        <button type="submit" className="primary">Thêm người dùng</button>
      </form>
    </>
  );
}

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState(false);
  const { errors, show, clear } = useFormErrors();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await call('auth.changePassword', { current, next });
    if (!r.ok) return show(r.error);
    clear();
    setDone(true);
    setCurrent('');
    setNext('');
  }
  return (
    <>
    <h3>Đổi mật khẩu của tôi</h3>
    <form className="form sub inline" onSubmit={submit} noValidate aria-label="Đổi mật khẩu">
      <FormMessage errors={errors} />
      <Field id="cp-current" label="Mật khẩu hiện tại" error={errors.byField.current}><input id="cp-current" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} /></Field>
      <Field id="cp-next" label="Mật khẩu mới" error={errors.byField.next}><input id="cp-next" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} /></Field>
      <button type="submit">Đổi mật khẩu</button>
      {done ? <span role="status">Đã đổi mật khẩu.</span> : null}
    </form>
    </>
  );
}
