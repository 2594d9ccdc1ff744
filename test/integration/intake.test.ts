/**
 * The intake queue: items from uploads (the same queue mail and folders feed),
 * read in the background, registered in one transaction with their files and
 * origin, set aside only with a reason, flagged as duplicates, kept across
 * restarts, only for those who register documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TableNode, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, tempDir, upload, type TestCore } from '../support/core';
import { readAll } from '../support/intake';
import { changedTables, FailAfterFirstWrite, tableReader } from '../support/tables';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/incoming-documents');
const PDF = path.join(FIXTURES, 'cv-stc-ngan-sach.pdf');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'cv-stc-ngan-sach.expected.json'), 'utf8')) as { notation: string; documentDate: string; sender: string };
const PASSWORD = 'mat-khau-can-bo-2026';
const clock = () => new Date('2026-11-25T09:00:00+07:00');

/** Once armed, fails the next UPDATE of a table: the intake item marked registered, after the document, its files and its origin were written. */
class FailOnUpdateOf implements KyselyPlugin {
  armed = false;
  fired = false;
  constructor(private readonly table: string) {}
  arm(): void {
    this.armed = true;
    this.fired = false;
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (this.armed && node.kind === 'UpdateQueryNode' && node.table && TableNode.is(node.table) && node.table.table.identifier.name === this.table) {
      this.armed = false;
      this.fired = true;
      throw new Error('lỗi giả lập khi đánh dấu đã vào sổ');
    }
    return node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

let t: TestCore | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function addPdf(core: Core, name = 'cong-van.pdf') {
  const fileId = await upload(core, name, fs.readFileSync(PDF));
  return ok(await core.call('intake.addFiles', { files: [{ fileId }] })).items[0]!;
}

const document = (fields: { notation?: string | null; senderName?: string | null; documentDate?: string | null; subject?: string | null }): Input<'incoming.register'> => ({
  arrivalDate: '2026-11-25',
  senderName: fields.senderName ?? 'Sở Tài chính',
  notation: fields.notation ?? null,
  documentDate: fields.documentDate ?? null,
  subject: fields.subject ?? 'Văn bản',
});

describe('intake queue', () => {
  it('an added file waits, is read in the background, and registers with its file and origin in one action', async () => {
    t = await makeCore({ clock });
    ok(await t.core.call('agency.update', standardAgency));
    const item = await addPdf(t.core);
    expect(item).toMatchObject({ status: 'waiting', origin: { kind: 'upload', fileName: 'cong-van.pdf' }, files: [{ name: 'cong-van.pdf' }] });
    await readAll(t.core);
    const read = ok(await t.core.call('intake.get', { id: item.id }));
    expect(read.item.reading).toBe('done');
    expect(read.item.fields?.notation).toBe(EXPECTED.notation);
    expect(read.files).toHaveLength(1);
    const { incomingId } = ok(await t.core.call('intake.register', { id: item.id, document: document(read.item.fields!) }));
    const doc = ok(await t.core.call('incoming.get', { id: incomingId }));
    expect(doc.notation).toBe(EXPECTED.notation);
    const files = ok(await t.core.call('attachments.list', { ownerKind: 'incoming', ownerId: incomingId })).items;
    expect(files.map((f) => [f.fileName, f.sha256])).toEqual([['cong-van.pdf', read.item.files[0]!.sha256]]);
    // Added while the database has no users yet: nobody to name.
    expect(doc.origin).toBe('Tệp đưa vào bằng tay: cong-van.pdf');
    const after = ok(await t.core.call('intake.list', { status: 'registered' }));
    expect(after.counts).toEqual({ waiting: 0, set_aside: 0, registered: 1 });
    expect(after.items[0]).toMatchObject({ id: item.id, status: 'registered', incomingId });
    expect(err(await t.core.call('intake.register', { id: item.id, document: document(read.item.fields!) })).code).toBe('CONFLICT');
  }, 60_000);

  it('a register that fails at its first or its last step rolls back: no document, no attachment, the item still waiting', async () => {
    const first = new FailAfterFirstWrite();
    const last = new FailOnUpdateOf('intake_items');
    t = await makeCore({ clock, queryPlugins: [first, last] });
    ok(await t.core.call('agency.update', standardAgency));
    const item = await addPdf(t.core);
    await readAll(t.core);
    const tables = tableReader(t);
    const before = await tables.snapshot();
    for (const fail of [first, last]) {
      fail.arm();
      const e = err(await t.core.call('intake.register', { id: item.id, document: document({ subject: 'Công văn' }) }));
      expect(fail.fired).toBe(true);
      expect(e.code).toBe('INTERNAL');
      expect(changedTables(before, await tables.snapshot())).toEqual([]);
    }
    await tables.close();
    expect(ok(await t.core.call('intake.get', { id: item.id })).item.status).toBe('waiting');
    // Without the failure the same call goes through.
    ok(await t.core.call('intake.register', { id: item.id, document: document({ subject: 'Công văn' }) }));
  }, 60_000);

  it('setting aside needs a reason, and a set-aside item comes back with restore', async () => {
    t = await makeCore({ clock });
    const item = await addPdf(t.core);
    const e = err(await t.core.call('intake.setAside', { id: item.id, reason: '  ' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields[0]).toMatchObject({ path: 'reason', message: 'Lý do để riêng không được để trống.' });
    const aside = ok(await t.core.call('intake.setAside', { id: item.id, reason: 'Thư quảng cáo' }));
    expect(aside).toMatchObject({ status: 'set_aside', setAsideReason: 'Thư quảng cáo' });
    expect(err(await t.core.call('intake.register', { id: item.id, document: document({}) })).code).toBe('CONFLICT');
    expect(ok(await t.core.call('intake.list', {})).counts).toMatchObject({ waiting: 0, set_aside: 1 });
    expect(ok(await t.core.call('intake.restore', { id: item.id }))).toMatchObject({ status: 'waiting', setAsideReason: null });
  });

  it('flags the same sender, notation and date as a registered document, and the same file in another item or on a registered document', async () => {
    t = await makeCore({ clock });
    ok(await t.core.call('agency.update', standardAgency));
    const a = await addPdf(t.core, 'a.pdf');
    expect(a.duplicate).toBeNull();
    await readAll(t.core);
    const fields = ok(await t.core.call('intake.get', { id: a.id })).item.fields!;
    // The paper copy was registered by hand, without its file.
    const paper = ok(await t.core.call('incoming.register', document(fields)));
    const same = ok(await t.core.call('intake.get', { id: a.id })).item.duplicate;
    expect(same).toMatchObject({ kind: 'same-document', incomingId: paper.id });
    expect(same?.label).toContain('đã vào sổ: số đến 01');
    const b = await addPdf(t.core, 'b.pdf');
    expect(b.duplicate).toMatchObject({ kind: 'same-file', itemId: a.id, incomingId: null });
    // Not blocked: the clerk saw the flag.
    const { incomingId } = ok(await t.core.call('intake.register', { id: a.id, document: document(fields) }));
    const flagged = ok(await t.core.call('intake.get', { id: b.id })).item;
    expect(flagged.duplicate).toMatchObject({ kind: 'same-file', incomingId, itemId: null });
    expect(flagged.duplicate?.label).toContain('số 02');
    // The registered item is no duplicate of its own document.
    expect(ok(await t.core.call('intake.get', { id: a.id })).item.duplicate).toBeNull();
  }, 60_000);

  it('items and their files survive a restart and a restore from a backup', async () => {
    const dir = tempDir();
    t = await makeCore({ clock, dir });
    const item = await addPdf(t.core);
    ok(await t.core.call('intake.setAside', { id: item.id, reason: 'Chờ hỏi lại' }));
    await t.close();
    t = await makeCore({ clock, dir });
    const got = ok(await t.core.call('intake.get', { id: item.id }));
    expect(got.item).toMatchObject({ status: 'set_aside', setAsideReason: 'Chờ hỏi lại' });
    expect(fs.readFileSync(ok(await t.core.download(null, got.files[0]!.fileId)).path).equals(fs.readFileSync(PDF))).toBe(true);
    // A backup holds the queue's files too: restored on a PC that lost them, the item opens.
    const backup = ok(await t.core.call('backup.create', {}));
    fs.rmSync(path.join(dir, 'cho-vao-so'), { recursive: true });
    expect(err(await t.core.call('intake.get', { id: item.id })).code).toBe('IO');
    ok(await t.core.call('backup.restore', { id: backup.id }));
    expect(ok(await t.core.call('intake.get', { id: item.id })).files).toHaveLength(1);
  });

  it('only Văn thư and administrators use the queue; watched folders are the administrator’s', async () => {
    t = await makeCore({ clock });
    const u = ok(await t.core.call('units.create', { name: 'Phòng Kế hoạch', abbreviation: 'KH', kind: 'internal' })).id;
    ok(await t.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
    const admin = ok(await t.core.call('auth.login', { username: 'quantri', password: PASSWORD })).session;
    for (const [username, role] of [['vanthu', 'clerk'], ['lanhdao', 'leader'], ['chuyenvien', 'officer']] as const)
      ok(await t.core.call('users.create', { username, password: PASSWORD, fullName: username, role, unitId: u }, { session: admin }));
    const login = async (username: string) => ok(await t!.core.call('auth.login', { username, password: PASSWORD })).session;
    const clerk = await login('vanthu');
    expect(ok(await t.core.call('intake.list', {}, { session: clerk })).total).toBe(0);
    for (const who of ['lanhdao', 'chuyenvien']) {
      const session = await login(who);
      expect(err(await t.core.call('intake.list', {}, { session })).code).toBe('FORBIDDEN');
      expect(err(await t.core.call('intake.mailbox.get', {}, { session })).code).toBe('FORBIDDEN');
      // Their own notifications are theirs to set.
      ok(await t.core.call('notifications.settings.update', { newItems: false, morning: true }, { session }));
    }
    expect(err(await t.core.call('intake.folders.add', { label: 'Máy quét', path: tempDir(), afterTake: 'move' }, { session: clerk })).code).toBe('FORBIDDEN');
    ok(await t.core.call('intake.folders.add', { label: 'Máy quét', path: tempDir(), afterTake: 'move' }, { session: admin }));
    expect(ok(await t.core.call('notifications.settings.get', {}, { session: await login('lanhdao') }))).toEqual({ newItems: false, morning: true });
    expect(ok(await t.core.call('notifications.settings.get', {}, { session: clerk }))).toEqual({ newItems: true, morning: true });
  }, 60_000);

  it('the morning digest lists the user’s tasks due within three working days or overdue and documents due within three days, through the access rule', async () => {
    t = await makeCore({ clock });
    const c = t.core;
    const mine = ok(await c.call('units.create', { name: 'Phòng Kế hoạch', abbreviation: 'KH', kind: 'internal' })).id;
    const other = ok(await c.call('units.create', { name: 'Phòng Môi trường', abbreviation: 'MT', kind: 'internal' })).id;
    const task = async (content: string, leadUnitId: number, deadline: string) => ok(await c.call('tasks.create', { content, leadUnitId, deadline })).id;
    const soon = await task('Báo cáo quý của phòng', mine, '2026-11-27');
    const late = await task('Kế hoạch đã quá hạn', mine, '2026-11-20');
    await task('Việc còn xa', mine, '2026-12-20');
    await task('Việc của phòng khác', other, '2026-11-26');
    const doc = async (subject: string, leadUnitId: number, deadline: string, secrecy: 'mat' | null = null) =>
      ok(await c.call('incoming.register', { ...document({ subject }), leadUnitId, deadline, secrecy })).id;
    const due = await doc('Đề nghị góp ý dự thảo', mine, '2026-11-27');
    await doc('Văn bản của phòng khác', other, '2026-11-26');
    await doc('Văn bản còn hạn dài', mine, '2026-12-15');
    await doc('Văn bản mật sắp hết hạn', mine, '2026-11-26', 'mat');
    ok(await c.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
    const admin = ok(await c.call('auth.login', { username: 'quantri', password: PASSWORD })).session;
    ok(await c.call('users.create', { username: 'chuyenvien', password: PASSWORD, fullName: 'Chuyên viên', role: 'officer', unitId: mine }, { session: admin }));
    const session = ok(await c.call('auth.login', { username: 'chuyenvien', password: PASSWORD })).session;
    const digest = ok(await c.call('notifications.digest', {}, { session }));
    expect(digest.date).toBe('2026-11-25');
    expect(digest.tasks).toEqual([
      { id: late, title: 'Kế hoạch đã quá hạn', deadline: '2026-11-20', overdue: true },
      { id: soon, title: 'Báo cáo quý của phòng', deadline: '2026-11-27', overdue: false },
    ]);
    expect(digest.documents).toEqual([{ id: due, label: 'Số đến 01: Đề nghị góp ý dự thảo', deadline: '2026-11-27' }]);
    // The administrator sees every unit's, the secret one too.
    const all = ok(await c.call('notifications.digest', {}, { session: admin }));
    expect(all.tasks).toHaveLength(3);
    expect(all.documents.map((d) => d.label)).toEqual(['Số đến 02: Văn bản của phòng khác', 'Số đến 01: Văn bản mật sắp hết hạn', 'Số đến 01: Đề nghị góp ý dự thảo']);
  }, 60_000);
});
