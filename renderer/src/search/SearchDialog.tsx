/** Ctrl+K: one box for every register; matches highlighted even when typed without diacritics. */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit } from '../../../shared/api/search';
import { countVi, formatDateVi } from '../../../shared/dates';
import { highlightRanges } from '../../../shared/text';
import { fetchValue } from '../api/client';
import { listHashFor } from '../app/hash-query';

export function Highlight({ text, query }: { text: string; query: string }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [a, b] of highlightRanges(text, query)) {
    if (a > at) parts.push(text.slice(at, a));
    parts.push(<mark key={a}>{text.slice(a, b)}</mark>);
    at = b;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function SearchDialog({ onClose, onOpen }: { onClose: () => void; onOpen: (hit: SearchHit) => void }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [totals, setTotals] = useState<{ counts: Record<'incoming' | 'outgoing', number>; exact: Record<'incoming' | 'outgoing', boolean> } | null>(null);
  const [active, setActive] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (q.trim().length < 2) {
      setHits([]);
      setTotals(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      fetchValue('search.global', { q, limit: 30 })
        .then((r) => {
          if (!live) return;
          setHits(r.hits);
          setTotals({ counts: r.totals, exact: r.exact });
          setActive(0);
          setMessage(r.hits.length ? null : 'Không tìm thấy văn bản nào.');
        })
        .catch((e: Error) => live && setMessage(e.message));
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q]);

  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') onClose();
    else if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Enter' && hits[active]) onOpen(hits[active]!);
    else return;
    e.preventDefault();
  }

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="search-dialog" role="dialog" aria-modal="true" aria-label="Tìm văn bản" onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKey}>
        <input
          ref={input}
          type="search"
          placeholder="Tìm theo số ký hiệu, trích yếu, cơ quan… (gõ không dấu được)"
          aria-label="Từ khóa tìm kiếm"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        {message ? <div className="muted pad">{message}</div> : null}
        <ul className="hits" role="listbox" aria-label="Kết quả tìm kiếm">
          {hits.map((h, i) => (
            <li key={`${h.kind}-${h.id}`} role="option" aria-selected={i === active} onMouseEnter={() => setActive(i)} onClick={() => onOpen(h)}>
              <span className={`tag ${h.kind}`}>{h.kind === 'incoming' ? 'Đến' : 'Đi'}</span>
              <span className="hit-notation"><Highlight text={h.notation ?? '(chưa có số)'} query={q} /></span>
              <span className="hit-subject"><Highlight text={h.subject} query={q} /></span>
              <span className="hit-meta">
                <Highlight text={h.sender ?? ''} query={q} /> · {formatDateVi(h.date)}
              </span>
            </li>
          ))}
        </ul>
        {totals && hits.length ? (
          <div className="pad small search-totals">
            {hits.length < totals.counts.incoming + totals.counts.outgoing || !totals.exact.incoming || !totals.exact.outgoing
              ? `${hits.length} trong ${countVi(totals.counts.incoming + totals.counts.outgoing, totals.exact.incoming && totals.exact.outgoing)} văn bản tìm thấy`
              : `${hits.length} văn bản tìm thấy`}
            {(['incoming', 'outgoing'] as const).filter((k) => totals.counts[k] > 0).map((k) => (
              <a key={k} href={listHashFor(k, q.trim())} onClick={onClose}>
                Xem tất cả {countVi(totals.counts[k], totals.exact[k])} văn bản {k === 'incoming' ? 'đến' : 'đi'}
              </a>
            ))}
          </div>
        ) : null}
        <div className="muted pad small">↑↓ chọn · Enter mở · Esc đóng</div>
      </div>
    </div>
  );
}
