/** Over the frame, never instead of it: forms stay mounted and keep what was typed while the line is down. */
import { useEffect, useState } from 'react';
import { checkConnection, connectionView, onConnection, type ConnectionView } from '../api/client';

export function ConnectionBanner() {
  const [view, setView] = useState<ConnectionView>(connectionView);
  useEffect(() => {
    const off = onConnection(setView);
    void checkConnection();
    return off;
  }, []);
  if (!view.lost) return null;
  return (
    <div className="connection-banner" role="alert">
      <strong>{view.message}</strong> Những gì đang nhập vẫn được giữ; chương trình tự kết nối lại.
    </div>
  );
}
