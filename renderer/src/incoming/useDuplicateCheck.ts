/**
 * The duplicate warning while the clerk types: as soon as sender, notation
 * and a real document date are there, the core is asked whether the register
 * already holds that document (before Enter, not after).
 */
import { useEffect, useState } from 'react';
import { fetchValue } from '../api/client';

export function useDuplicateCheck(senderName: string, notation: string, documentDate: string | null, exceptId?: number): string | null {
  const [message, setMessage] = useState<string | null>(null);
  const sender = senderName.trim();
  const number = notation.trim();
  useEffect(() => {
    if (!sender || !number || !documentDate) {
      setMessage(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      fetchValue('incoming.checkDuplicate', { senderName: sender, notation: number, documentDate, ...(exceptId ? { exceptId } : {}) })
        .then((r) => live && setMessage(r.message))
        // A failed check is no warning: Enter still asks the core, which refuses a duplicate.
        .catch(() => live && setMessage(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [sender, number, documentDate, exceptId]);
  return message;
}
