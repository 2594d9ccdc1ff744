/** While a file is read: for a scan, the OCR's progress page by page and a way to stop it. */
import { useEffect, useState } from 'react';
import { call, onEvent } from '../api/client';

export function ReadingProgress({ name }: { name: string }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(
    () =>
      onEvent((e) => {
        const p = e as { type: string; method?: string; done?: number; total?: number };
        if (p.type === 'job.progress' && p.method === 'documents.read') setProgress({ done: p.done ?? 0, total: p.total ?? 0 });
      }),
    [],
  );
  return (
    <div className="inline" role="status">
      <span className="muted">{progress ? `Đang nhận dạng chữ bản quét ${name}…` : `Đang đọc tệp ${name}…`}</span>
      {progress ? (
        <>
          <progress aria-label="Tiến độ nhận dạng chữ" value={progress.done} max={Math.max(1, progress.total)} />
          <button type="button" onClick={() => void call('jobs.cancel', { method: 'documents.read' })}>Hủy</button>
        </>
      ) : null}
    </div>
  );
}
