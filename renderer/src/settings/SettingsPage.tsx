import type { Agency } from '../../../shared/api/agency';
import { useAuth } from '../auth/AuthGate';
import { AgencyForm } from './AgencyForm';
import { BackupSettings } from './BackupSettings';
import { CalendarSettings } from './CalendarSettings';
import { MailboxSettings } from './MailboxSettings';
import { NotificationSettings } from './NotificationSettings';
import { WatchFolderSettings } from './WatchFolderSettings';
import { TemplatesSettings } from './TemplatesSettings';
import { TrustSettings } from './TrustSettings';
import { UsersSettings } from './UsersSettings';
import { OfficeSettings } from '../office/OfficeSettings';

/** Each section shows only to those who may change it. */
export function SettingsPage({ agency, onSaved }: { agency: Agency; onSaved: (a: Agency) => void }) {
  const { may } = useAuth();
  return (
    <section>
      <h1>Cài đặt</h1>
      {may('agency.update') ? (
        <>
          <h2>Thông tin cơ quan</h2>
          <AgencyForm agency={agency} onSaved={onSaved} submitLabel="Lưu" />
        </>
      ) : null}
      <UsersSettings />
      {may('backup.create') ? <BackupSettings /> : null}
      {may('calendar.setDay') ? <CalendarSettings /> : null}
      {may('templates.set') ? <TemplatesSettings /> : null}
      {may('trust.add') ? <TrustSettings /> : null}
      {may('intake.mailbox.update') ? <MailboxSettings /> : null}
      {may('intake.folders.add') ? <WatchFolderSettings /> : null}
      {may('notifications.settings.update') ? <NotificationSettings mayQueue={may('intake.list')} /> : null}
      <OfficeSettings />
    </section>
  );
}
