import type { Agency } from '../../../shared/api/agency';
import { AgencyForm } from './AgencyForm';
import { BackupSettings } from './BackupSettings';
import { CalendarSettings } from './CalendarSettings';

export function SettingsPage({ agency, onSaved }: { agency: Agency; onSaved: (a: Agency) => void }) {
  return (
    <section>
      <h1>Cài đặt</h1>
      <h2>Thông tin cơ quan</h2>
      <AgencyForm agency={agency} onSaved={onSaved} submitLabel="Lưu" />
      <BackupSettings />
      <CalendarSettings />
    </section>
  );
}
