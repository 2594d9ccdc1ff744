/** The queue's methods: list, one item with its files as handles, files added by hand, register, set aside, restore. */
import fs from 'node:fs';
import { format } from 'date-fns';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/api/attachments';
import { fieldError } from '../../../shared/api/errors';
import type { IntakeItem, IntakeOrigin } from '../../../shared/api/intake';
import { intakeStatuses } from '../../../shared/api/intake';
import { storeAttachment } from '../attachments/handlers';
import type { CallContext, HandlerMap } from '../context';
import { isEdxml, readEdxml } from '../documents-read/edxml';
import { registerIncoming } from '../incoming/handlers';
import { addItem, fileContent, itemRow, keptRead, loadItem, toItems } from './items';

/** What the register shows of where a document came from. */
export function originText(o: IntakeOrigin): string {
  switch (o.kind) {
    case 'mail':
      return `Thư điện tử từ ${o.from} lúc ${format(new Date(o.receivedAt), 'HH:mm dd/MM/yyyy')} (thư mục ${o.folder}): ${o.subject}`;
    case 'folder':
      return `Thư mục máy quét: ${o.folderLabel} — tệp ${o.fileName}`;
    case 'upload':
      return `Tệp đưa vào bằng tay: ${o.fileName}${o.by ? ` (${o.by})` : ''}`;
  }
}

async function audit(ctx: CallContext, id: number, before: IntakeItem | null, after: IntakeItem) {
  await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'intake_items', entityId: id, before, after });
}

async function setStatus(ctx: CallContext, id: number, from: IntakeItem['status'], patch: { status: IntakeItem['status']; set_aside_reason: string | null }) {
  const before = await loadItem(ctx, id);
  if (before.status !== from) {
    const what = from === 'waiting' ? 'chờ vào sổ' : 'đã để riêng';
    throw fieldError('CONFLICT', 'id', `Văn bản mã ${id} không còn ở trạng thái ${what}.`);
  }
  await ctx.stores.intake.change(id, { ...patch, updated_at: ctx.now() });
  const after = await loadItem(ctx, id);
  await audit(ctx, id, before, after);
  return after;
}

type Methods = 'intake.list' | 'intake.get' | 'intake.addFiles' | 'intake.register' | 'intake.setAside' | 'intake.restore';

export const queueHandlers: HandlerMap<Methods> = {
  'intake.list': async (ctx, input) => {
    const counted = await ctx.stores.intake.countByStatus();
    const counts = Object.fromEntries(intakeStatuses.map((s) => [s, counted.find((c) => c.status === s)?.n ?? 0])) as Record<IntakeItem['status'], number>;
    const rows = await ctx.stores.intake.page(input.status, input.pageSize, input.page);
    return { items: await toItems(ctx, rows), total: counts[input.status], counts };
  },

  'intake.get': async (ctx, input) => {
    const item = await loadItem(ctx, input.id);
    const files = (await ctx.stores.intake.filesOf([input.id])).map((f) => {
      // A fresh copy for this caller: what they open or read cannot change the queue's file.
      const content = fileContent(ctx.dataDir, f);
      const out = ctx.files.create(ctx.user, f.file_name);
      fs.writeFileSync(out.path, content);
      return out.finish();
    });
    return { item, files };
  },

  'intake.addFiles': async (ctx, input) => {
    // Nobody signed in (a database without users yet): nobody to name.
    const by = ctx.user?.username ?? '';
    const ids: number[] = [];
    for (const [i, f] of input.files.entries()) {
      const { content, name } = ctx.files.read(ctx.user, f.fileId, MAX_ATTACHMENT_BYTES, `files.${i}.fileId`);
      ids.push(await addItem(ctx, { kind: 'upload', fileName: name, by }, [{ name, content }]));
    }
    return { items: await toItems(ctx, await ctx.stores.intake.items(ids)) };
  },

  'intake.register': async (ctx, input) => {
    const before = await loadItem(ctx, input.id);
    if (before.status === 'registered') throw fieldError('CONFLICT', 'id', `Văn bản mã ${input.id} đã vào sổ.`);
    if (before.status !== 'waiting') throw fieldError('CONFLICT', 'id', `Văn bản mã ${input.id} đang để riêng: hãy đưa lại vào danh sách chờ trước khi vào sổ.`);
    const read = keptRead(await itemRow(ctx, input.id));
    // The clerk saw the duplicate flag in the queue: it does not stop registering.
    const doc = await registerIncoming(ctx, { ...input.document, confirmDuplicate: true, recognisedText: input.document.recognisedText ?? read?.text ?? null });
    for (const f of await ctx.stores.intake.filesOf([input.id])) {
      const content = fileContent(ctx.dataDir, f);
      // The package is kept for the status packages sent back (documents.edxmlStatus); the files inside it are what the clerk opens.
      await storeAttachment(ctx, 'incoming', doc.id, f.file_name, content);
      if (isEdxml(content)) for (const inner of (await readEdxml(content)).files) await storeAttachment(ctx, 'incoming', doc.id, inner.name, inner.content);
    }
    await ctx.stores.intake.setOrigin(doc.id, originText(before.origin));
    await ctx.stores.intake.change(input.id, { status: 'registered', incoming_id: doc.id, updated_at: ctx.now() });
    await audit(ctx, input.id, before, await loadItem(ctx, input.id));
    return { incomingId: doc.id };
  },

  'intake.setAside': (ctx, input) => setStatus(ctx, input.id, 'waiting', { status: 'set_aside', set_aside_reason: input.reason }),

  'intake.restore': (ctx, input) => setStatus(ctx, input.id, 'set_aside', { status: 'waiting', set_aside_reason: null }),
};
