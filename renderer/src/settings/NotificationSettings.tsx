/** Thông báo: each user's own choice of notifications; the browser's permission is asked only from the button here. */
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/index';
import { call, fetchValue } from '../api/client';
import { notificationsAllowed, SETTINGS_CHANGED } from '../intake/useNotifications';

type Settings = Output<'notifications.settings.get'>;

function permissionText(): string {
  if (typeof Notification === 'undefined') return 'Trình duyệt này không hiển thị được thông báo.';
  if (Notification.permission === 'granted') return 'Máy đã cho phép hiển thị thông báo.';
  if (Notification.permission === 'denied') return 'Máy đang chặn thông báo của Văn thư: hãy cho phép lại trong cài đặt của trình duyệt hoặc hệ điều hành.';
  return 'Chưa cho phép hiển thị thông báo trên máy này.';
}

export function NotificationSettings({ mayQueue }: { mayQueue: boolean }) {
  const [v, setV] = useState<Settings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [permission, setPermission] = useState(permissionText);
  useEffect(() => {
    fetchValue('notifications.settings.get', {}).then(setV).catch((e: Error) => setMessage(e.message));
  }, []);

  async function save(next: Settings) {
    setV(next);
    const r = await call('notifications.settings.update', next);
    setMessage(r.ok ? 'Đã lưu cài đặt thông báo.' : r.error.message);
    window.dispatchEvent(new Event(SETTINGS_CHANGED));
  }
  async function allow() {
    if (typeof Notification === 'undefined') return;
    await Notification.requestPermission();
    setPermission(permissionText());
    if (notificationsAllowed()) new Notification('Văn thư', { body: 'Thông báo đã được bật trên máy này.', lang: 'vi' });
  }
  return (
    <section aria-label="Thông báo">
      <h2>Thông báo</h2>
      <p className="muted">Cài đặt riêng của tài khoản đang đăng nhập. Thông báo hiện ở góc màn hình; bấm vào để mở văn bản hoặc nhiệm vụ.</p>
      {v ? (
        <div className="inline">
          {mayQueue ? (
            <label className="check"><input type="checkbox" checked={v.newItems} onChange={(e) => void save({ ...v, newItems: e.target.checked })} /> Văn bản mới chờ vào sổ</label>
          ) : null}
          <label className="check"><input type="checkbox" checked={v.morning} onChange={(e) => void save({ ...v, morning: e.target.checked })} /> Mỗi sáng: nhiệm vụ sắp đến hạn, quá hạn và văn bản sắp hết hạn xử lý</label>
        </div>
      ) : null}
      <div className="inline">
        <span className="muted">{permission}</span>
        {typeof Notification !== 'undefined' && Notification.permission === 'default' ? (
          <button type="button" onClick={() => void allow()}>Cho phép thông báo trên máy này</button>
        ) : null}
      </div>
      {message ? <div className="notice" role="status">{message}</div> : null}
    </section>
  );
}
