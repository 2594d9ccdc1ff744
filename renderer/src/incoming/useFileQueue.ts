/**
 * Files dropped or picked onto the incoming register, read one after another:
 * each is uploaded, read (documents.read) and, if a PDF, its signatures checked.
 */
import { useEffect, useState } from 'react';
import { call, uploadFile } from '../api/client';
import type { ReadFile } from './from-file';

export type QueueItem = { state: 'reading'; file: File } | { state: 'ready'; item: ReadFile } | { state: 'failed'; file: File; message: string };

/** A PDF's signatures as checked by the core. */
export async function signaturesOf(fileId: string): Promise<ReadFile['signatures']> {
  const s = await call('documents.signatures', { fileId });
  // A signature that cannot be checked must not keep the document out of the register: the reason is shown instead.
  return s.ok ? s.value.signatures : [{ signer: null, organisation: null, signedAt: null, intact: null, trusted: null, reason: s.error.message }];
}

async function readOne(file: File): Promise<QueueItem> {
  const up = await uploadFile(file);
  if (!up.ok) return { state: 'failed', file, message: up.error.message };
  const read = await call('documents.read', { fileId: up.value.fileId });
  if (!read.ok) return { state: 'failed', file, message: read.error.message };
  const signatures = read.value.kind === 'pdf-text' || read.value.kind === 'pdf-scan' ? await signaturesOf(up.value.fileId) : [];
  return { state: 'ready', item: { file, fileId: up.value.fileId, read: read.value, signatures } };
}

export function useFileQueue() {
  const [files, setFiles] = useState<File[]>([]);
  const [index, setIndex] = useState(0);
  const [current, setCurrent] = useState<QueueItem | null>(null);

  useEffect(() => {
    const file = files[index];
    if (!file) return setCurrent(null);
    let live = true;
    setCurrent({ state: 'reading', file });
    void readOne(file).then((r) => live && setCurrent(r));
    return () => {
      live = false;
    };
  }, [files, index]);

  return {
    current,
    /** "Tệp 2/3" while a queue is open. */
    position: index < files.length ? { n: index + 1, of: files.length } : null,
    start(list: File[]) {
      setFiles(list);
      setIndex(0);
    },
    next: () => setIndex((i) => i + 1),
    stop: () => setFiles([]),
  };
}
