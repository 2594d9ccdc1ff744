/**
 * The page's own notifications (Electron shows them as the system's): new
 * documents in the queue, and once a day the morning digest of the user's
 * tasks and documents near their deadlines. Each opens what it names.
 * Permission is asked only from the button in Cài đặt → Thông báo.
 */
import { useEffect, useRef } from 'react';
import type { Output } from '../../../shared/api/index';
import { toIsoDate } from '../../../shared/dates';
import { fetchValue, onEvent } from '../api/client';
import { useAuth } from '../auth/AuthGate';

type Settings = Output<'notifications.settings.get'>;
type Digest = Output<'notifications.digest'>;

/** The digest waits for the working day to begin. */
const MORNING_HOUR = 7;
const digestKey = (userId: number) => `vanthu.digest.${userId}`;
/** Saved settings are announced so the frame reads them again without a reload. */
export const SETTINGS_CHANGED = 'vanthu:notification-settings';

export function notificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

function show(title: string, body: string, tag: string, open: () => void): void {
  const n = new Notification(title, { body, tag, lang: 'vi' });
  n.onclick = () => {
    window.focus();
    open();
    n.close();
  };
}

const go = (hash: string) => () => {
  window.location.hash = hash;
};

/** What the digest says, one notification for tasks and one for documents; each opens its item, or the list when there are several. */
export function showDigest(d: Digest): number {
  let shown = 0;
  if (d.tasks.length) {
    const overdue = d.tasks.filter((t) => t.overdue).length;
    const one = d.tasks.length === 1 ? d.tasks[0] : undefined;
    const title = overdue ? `${d.tasks.length} nhiệm vụ sắp đến hạn hoặc quá hạn (${overdue} quá hạn)` : `${d.tasks.length} nhiệm vụ sắp đến hạn`;
    show(title, d.tasks.slice(0, 3).map((t) => t.title).join('\n'), 'digest-tasks', go(one ? `#/tasks?open=${one.id}` : `#/tasks?status=${overdue ? 'overdue' : 'due_soon'}`));
    shown++;
  }
  if (d.documents.length) {
    const one = d.documents.length === 1 ? d.documents[0] : undefined;
    show(`${d.documents.length} văn bản đến sắp hết hạn xử lý`, d.documents.slice(0, 3).map((x) => x.label).join('\n'), 'digest-documents', go(one ? `#/incoming?open=${one.id}` : '#/incoming'));
    shown++;
  }
  return shown;
}

/** Mounted once in the frame, for the signed-in user. */
export function useNotifications(): void {
  const { status, may } = useAuth();
  const userId = status.user?.id ?? 0;
  const mayQueue = may('intake.list');
  const settings = useRef<Settings | null>(null);

  useEffect(() => {
    if (!mayQueue) return;
    return onEvent((e) => {
      const n = (e as { type: string; count?: number }).count ?? 0;
      if (e.type !== 'intake.new' || n < 1 || !settings.current?.newItems || !notificationsAllowed()) return;
      show(`Có ${n} văn bản mới chờ vào sổ`, 'Bấm để mở danh sách Văn bản chờ vào sổ.', 'intake-new', go('#/intake'));
    });
  }, [mayQueue]);

  useEffect(() => {
    let live = true;
    // Looked at once the settings are in, then each minute, so an app opened before seven still gives the digest that morning.
    const check = () => {
      const now = new Date();
      const today = toIsoDate(now);
      if (!live || now.getHours() < MORNING_HOUR || localStorage.getItem(digestKey(userId)) === today) return;
      if (!settings.current?.morning || !notificationsAllowed()) return;
      localStorage.setItem(digestKey(userId), today);
      void fetchValue('notifications.digest', {}).then(showDigest, () => localStorage.removeItem(digestKey(userId)));
    };
    const load = () =>
      void fetchValue('notifications.settings.get', {}).then((s) => {
        if (!live) return;
        settings.current = s;
        check();
      }, () => undefined);
    load();
    window.addEventListener(SETTINGS_CHANGED, load);
    const timer = window.setInterval(check, 60_000);
    return () => {
      live = false;
      window.removeEventListener(SETTINGS_CHANGED, load);
      window.clearInterval(timer);
    };
  }, [userId]);
}
