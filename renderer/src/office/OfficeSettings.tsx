/** The office sections of Cài đặt: which show depends on whether this PC is a client and who is signed in. */
import { useEffect, useState } from 'react';
import { callShell } from '../api/client';
import { useAuth } from '../auth/AuthGate';
import { ConnectedClients } from './ConnectedClients';
import { OfficeConnect } from './OfficeConnect';
import { OfficeServer } from './OfficeServer';

export function OfficeSettings() {
  const { status, may } = useAuth();
  const [mode, setMode] = useState<'local' | 'client' | null>(null);
  useEffect(() => {
    void callShell('office.connectionStatus', {}).then((r) => r.ok && setMode(r.value.mode));
  }, []);
  // The shell lets this PC's administrator (or anyone, before there are users) change where its data lives.
  const manages = !status.usersExist || status.user?.role === 'admin';
  if (!mode) return null;
  return (
    <>
      {mode === 'local' && manages ? <OfficeServer /> : null}
      {may('auth.sessions') ? <ConnectedClients /> : null}
      {mode === 'client' || manages ? <OfficeConnect /> : null}
    </>
  );
}
