/**
 * The first days: after the agency, the units (everything else names them),
 * then the first administrator (after which everyone signs in). Shown on the
 * home page until both are done.
 */
import { useEffect, useState } from 'react';
import { fetchValue } from '../api/client';
import { useAuth } from '../auth/AuthGate';

export function FirstRunChecklist() {
  const { status } = useAuth();
  const [units, setUnits] = useState<number | null>(null);
  useEffect(() => {
    fetchValue('units.list', { kind: 'internal' }).then((r) => setUnits(r.items.length)).catch(() => setUnits(null));
  }, []);
  if (units === null) return null;
  const steps = [
    { done: true, label: 'Nhập thông tin cơ quan', href: '#/settings', hint: 'Tên, cơ quan chủ quản, tên viết tắt, địa danh.' },
    { done: units > 0, label: 'Thêm các đơn vị của cơ quan', href: '#/units', hint: 'Văn phòng, các phòng, chi cục… với tên viết tắt (VP, QLĐĐ): dùng khi giao xử lý, ghép ký hiệu công văn.' },
    { done: status.usersExist, label: 'Tạo tài khoản quản trị đầu tiên', href: '#/settings', hint: 'Cài đặt → Người dùng. Sau đó mọi người đăng nhập bằng tài khoản của mình.' },
  ];
  if (steps.every((s) => s.done)) return null;
  const next = steps.find((s) => !s.done);
  return (
    <section className="checklist" aria-label="Các bước bắt đầu">
      <h2>Bắt đầu sử dụng: còn {steps.filter((s) => !s.done).length} bước</h2>
      <ol>
        {steps.map((s) => (
          <li key={s.label} className={s.done ? 'done' : s === next ? 'next' : undefined}>
            <span className="tick" aria-hidden="true">{s.done ? '✓' : '○'}</span>
            {s.done ? <span>{s.label}</span> : <a href={s.href}>{s.label}</a>}
            {s.done ? <span className="muted"> — đã xong</span> : <div className="muted small">{s.hint}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}
