/** "In phiếu giải quyết": the handling slip of one incoming document (Word). */
import { useState } from 'react';
import { call } from '../api/client';
import { exportToFile } from '../components/exportFile';

export function HandlingSlipButton({ id }: { id: number }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  async function run() {
    setBusy(true);
    setMessage(await exportToFile(() => call('exports.handlingSlip', { id }), () => 'phiếu giải quyết văn bản đến'));
    setBusy(false);
  }
  return (
    <div className="inline">
      <button type="button" disabled={busy} onClick={() => void run()}>In phiếu giải quyết</button>
      {message ? <span role="status">{message}</span> : null}
    </div>
  );
}
