/**
 * The background reader: each waiting item's first file goes through
 * documents.read, oldest first, one at a time; reading goes pending →
 * done/failed and the fields are kept on the item.
 */
import fs from 'node:fs';
import { readDocument } from '../documents-read/read';
import type { IntakeRuntime } from './runtime';
import { intakeFile, type KeptRead } from './items';

async function readOne(rt: IntakeRuntime, itemId: number): Promise<{ read: KeptRead | null; error: string | null }> {
  // Progress of a long OCR is reported under the queue's method, not as the user's own documents.read.
  const ctx = rt.background('intake.list');
  const [first] = await ctx.stores.intake.filesOf([itemId]);
  if (!first) return { read: null, error: null };
  const held = ctx.files.create(null, first.file_name);
  try {
    fs.copyFileSync(intakeFile(ctx.dataDir, first.sha256), held.path);
    const handle = held.finish();
    const r = await readDocument(ctx, handle.fileId);
    return { read: { kind: r.kind, fields: r.fields, text: r.text }, error: null };
  } catch (e) {
    held.abandon();
    return { read: null, error: e instanceof Error ? e.message : String(e) };
  }
}

export async function readPending(rt: IntakeRuntime): Promise<void> {
  while (!rt.stopped) {
    const next = await rt.background('intake.list').stores.intake.nextUnread();
    if (next === null) return;
    const { read, error } = await readOne(rt, next);
    const ctx = rt.background('intake.list');
    await ctx.stores.intake.change(next, { reading: error ? 'failed' : 'done', read_json: read ? JSON.stringify(read) : null, read_error: error });
    ctx.events.emit('event', { type: 'data.changed', method: 'intake.list' });
  }
}
