/**
 * One access rule for every read, checked by walking the whole registry.
 * Secret records carry the word MATKHAU-7731 and another unit's records
 * DONVIKHAC-4410 (subjects, notations, senders, file names, task contents and
 * sources, work files, TTHC applicants). Every method is called, with a valid
 * input naming those records, as a Văn thư without the secret grant and as a
 * Chuyên viên of another unit; no answer, error message or exported file may
 * contain a word the caller may not see.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { contracts, type ApiResult, type Input, type MethodName } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';

const SECRET = 'MATKHAU-7731';
const OTHER = 'DONVIKHAC-4410';
const PASSWORD = 'mat-khau-can-bo-2026';
const today = '2026-11-25';

let t: TestCore;
afterEach(async () => t?.close());

type Role = 'clerk' | 'officer';
const markers: Record<Role, string[]> = { clerk: [SECRET], officer: [SECRET, OTHER] };

/**
 * The seed is written before any user exists (the first-run mode, in which
 * nothing is scoped), then the two users are made and signed in.
 */
async function seed() {
  const c = t.core;
  ok(await c.call('agency.update', standardAgency));
  const unit = async (name: string, abbreviation: string) => ok(await c.call('units.create', { name, abbreviation, kind: 'internal' })).id;
  const mine = await unit('Phòng Quản lý đất đai', 'QLĐĐ');
  const other = await unit('Phòng Môi trường', 'MT');
  const spare = await unit('Tổ công tác tạm', 'TCT');
  const incoming = async (v: Partial<Input<'incoming.register'>>) =>
    ok(await c.call('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh', documentDate: '2026-11-18', subject: 'Văn bản', ...v })).id;
  const secret = await incoming({ secrecy: 'mat', senderName: `Bộ Chỉ huy ${SECRET}`, notation: '15/BCH-TM', subject: `Kế hoạch ${SECRET}`, instruction: `Chỉ đạo ${SECRET}`, note: SECRET, leadUnitId: mine, deadline: '2026-11-24' });
  const secretDeleted = await incoming({ secrecy: 'mat', senderName: 'Bộ Chỉ huy', notation: '16/BCH-TM', subject: `Văn bản thứ hai ${SECRET}`, leadUnitId: mine });
  const others = await incoming({ senderName: `Sở ${OTHER}`, notation: '20/SMT-KT', subject: `Văn bản ${OTHER}`, leadUnitId: other, deadline: '2026-11-24' });
  const othersDeleted = await incoming({ notation: '21/SMT-KT', subject: `Xóa ${OTHER}`, leadUnitId: other });
  const own = await incoming({ notation: '30/UBND-KT', subject: 'Văn bản của phòng mình', leadUnitId: mine });
  const outgoing = async (v: Partial<Input<'outgoing.createDraft'>>, issue: boolean) => {
    const d = ok(await c.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo', ...v }));
    if (issue) ok(await c.call('outgoing.issue', { id: d.id, issueDate: '2026-11-21' }));
    return d.id;
  };
  const secretOut = await outgoing({ subject: `Báo cáo ${SECRET}`, secrecy: 'mat', draftingUnitId: mine, replyToIncomingIds: [secret] }, true);
  const othersOut = await outgoing({ subject: `Báo cáo ${OTHER}`, draftingUnitId: other, replyToIncomingIds: [others] }, true);
  const ownOut = await outgoing({ subject: 'Dự thảo của phòng mình', draftingUnitId: mine, replyToIncomingIds: [secret, others] }, false);
  const spareOut = await outgoing({ subject: 'Dự thảo để cấp số', draftingUnitId: mine }, false);
  const attach = async (ownerKind: 'incoming' | 'outgoing', ownerId: number, name: string) => {
    const { fileId } = ok(await c.upload(null, name, Buffer.from(`noi dung ${name}`)));
    return ok(await c.call('attachments.add', { ownerKind, ownerId, fileId })).id;
  };
  const secretFile = await attach('incoming', secret, `${SECRET}-ban-chup.pdf`);
  const othersFile = await attach('incoming', others, `${OTHER}-ban-chup.pdf`);
  await attach('outgoing', secretOut, `${SECRET}-du-thao.docx`);
  await attach('incoming', own, 'ban-chup.pdf');
  const task = async (v: Partial<Input<'tasks.create'>>) => ok(await c.call('tasks.create', { content: 'Nhiệm vụ', ...v })).id;
  const secretTask = ok(await c.call('tasks.createFromIncoming', { incomingId: secret, focus: true })).id;
  const othersTask = await task({ content: `Nhiệm vụ ${OTHER}`, leadUnitId: other, sourceText: `Thông báo ${OTHER}`, deadline: '2026-11-01', focus: true });
  const ownTaskOtherSource = await task({ content: 'Nhiệm vụ của phòng mình', leadUnitId: mine, sourceIncomingId: others, deadline: '2026-11-02' });
  const ownTask = await task({ content: 'Việc thường xuyên của phòng', leadUnitId: mine, sourceText: 'Kế hoạch chung', deadline: '2026-12-20' });
  const othersTaskDeleted = await task({ content: `Xóa ${OTHER}`, leadUnitId: other });
  const dossier = async (code: string, title: string, keeperUnitId: number) => ok(await c.call('dossiers.create', { year: 2026, code, title, retention: 10, keeperUnitId })).id;
  const ownFile = await dossier('01.QLĐĐ', 'Hồ sơ của phòng mình', mine);
  ok(await c.call('dossiers.addDocuments', { id: ownFile, documents: [{ kind: 'incoming', incomingId: secret, sheets: 2 }, { kind: 'incoming', incomingId: own, sheets: 1 }] }));
  const secretEntry = ok(await c.call('dossiers.get', { id: ownFile })).documents.find((d) => d.incomingId === secret)!.id;
  await dossier('02.MT', `Hồ sơ ${OTHER}`, other);
  const procedureId = ok(await c.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 })).id;
  const tthc = ok(await c.call('tthc.register', { procedureId, applicantName: `Công ty ${OTHER}`, applicantKind: 'organisation', receivedAt: '2026-11-02', channel: 'direct', handlingUnitId: other })).id;
  ok(await c.call('incoming.delete', { id: secretDeleted, reason: null }));
  ok(await c.call('incoming.delete', { id: othersDeleted, reason: null }));
  ok(await c.call('tasks.delete', { id: othersTaskDeleted, reason: null }));
  // Waiting in the queue: the same bytes as the secret document's scan, which its duplicate flag must not name.
  const copy = ok(await c.upload(null, 'ban-sao.pdf', Buffer.from(`noi dung ${SECRET}-ban-chup.pdf`))).fileId;
  const intakeItem = ok(await c.call('intake.addFiles', { files: [{ fileId: copy }] })).items[0]!.id;

  ok(await c.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: PASSWORD }));
  const admin = { session: ok(await c.call('auth.login', { username: 'quantri', password: PASSWORD })).session };
  ok(await c.call('users.create', { username: 'vanthu', password: PASSWORD, fullName: 'Văn thư', role: 'clerk', secretAccess: false }, admin));
  ok(await c.call('users.create', { username: 'chuyenvien', password: PASSWORD, fullName: 'Chuyên viên', role: 'officer', unitId: mine, secretAccess: false }, admin));
  const signIn = async (username: string) => ok(await c.call('auth.login', { username, password: PASSWORD })).session;
  return {
    sessions: { clerk: await signIn('vanthu'), officer: await signIn('chuyenvien') },
    mine, other, spare, secret, secretDeleted, others, othersDeleted, own, secretOut, othersOut, ownOut, spareOut, secretFile, othersFile,
    secretTask, othersTask, ownTaskOtherSource, ownTask, othersTaskDeleted, ownFile, secretEntry, tthc, procedureId, intakeItem,
  };
}
type Seed = Awaited<ReturnType<typeof seed>>;

const year = { from: '2026-01-01', to: '2026-12-31' };
const signature = { position: 'CHÁNH VĂN PHÒNG', signerName: 'Nguyễn Văn A' };

/**
 * A valid input for every method of the registry. Inputs name the records the
 * caller may not see: the secret ones for both roles, the other unit's for
 * the Chuyên viên (who may call only a few methods). Writes come in registry
 * order; those that would spoil the seed for later calls aim at hidden records
 * (and so must be refused) or at throwaway ones.
 */
function samples(s: Seed, role: Role, fileId: string): { [M in MethodName]: Input<M> } {
  const hiddenIn = role === 'officer' ? s.others : s.secret;
  const hiddenOut = role === 'officer' ? s.othersOut : s.secretOut;
  const hiddenTask = role === 'officer' ? s.othersTask : s.secretTask;
  const hiddenFile = role === 'officer' ? s.othersFile : s.secretFile;
  return {
    'agency.get': {},
    'agency.update': standardAgency,
    'units.list': {},
    'units.create': { name: 'Tổ mới', abbreviation: 'TM', kind: 'internal' },
    'units.update': { id: s.spare, name: 'Tổ công tác tạm thời' },
    'units.archive': { id: s.spare },
    'units.restore': { id: s.spare },
    'incoming.register': { arrivalDate: today, senderName: 'UBND huyện', notation: '99/UBND-VP', documentDate: today, subject: 'Văn bản mới' },
    'incoming.update': { id: hiddenIn, note: 'sửa' },
    'incoming.get': { id: hiddenIn },
    'incoming.list': year,
    'incoming.assign': { id: hiddenIn, leadUnitId: s.mine },
    'incoming.complete': { id: hiddenIn, completedAt: today },
    'incoming.checkDuplicate': role === 'officer' ? { senderName: `Sở ${OTHER}`, notation: '20/SMT-KT', documentDate: '2026-11-18' } : { senderName: `Bộ Chỉ huy ${SECRET}`, notation: '15/BCH-TM', documentDate: '2026-11-18' },
    'incoming.senders': {},
    'outgoing.createDraft': { documentType: 'CV', subject: 'Công văn mới', draftingUnitId: s.mine },
    'outgoing.update': { id: hiddenOut, note: 'sửa' },
    'outgoing.issue': { id: s.spareOut, issueDate: today },
    'outgoing.cancelNumber': { id: hiddenOut, reason: 'nhầm' },
    'outgoing.markSent': { id: hiddenOut, transferDate: today },
    'outgoing.get': { id: s.ownOut },
    'outgoing.list': year,
    'search.global': { q: 'bao cao' },
    'attachments.add': { ownerKind: 'incoming', ownerId: hiddenIn, fileId },
    'attachments.list': { ownerKind: 'incoming', ownerId: hiddenIn },
    'attachments.remove': { id: hiddenFile },
    'attachments.open': { id: hiddenFile },
    'exports.incomingRegister': { ...year, format: 'xlsx' },
    'exports.outgoingRegister': { ...year, format: 'docx' },
    'exports.incomingFollowUp': { ...year, format: 'docx' },
    'exports.handlingSlip': { id: hiddenIn },
    'imports.tthcXlsx': { fileId, dryRun: true },
    'imports.registerXlsx': { kind: 'incoming', fileId, dryRun: true },
    'files.save': { fileId },
    'tasks.create': { content: 'Nhiệm vụ mới', leadUnitId: s.mine, sourceIncomingId: s.secret },
    'tasks.createFromIncoming': { incomingId: hiddenIn },
    'tasks.update': { id: hiddenTask, note: 'sửa' },
    'tasks.get': { id: s.ownTaskOtherSource },
    'tasks.list': {},
    'tasks.summary': {},
    'tasks.reportProgress': { id: hiddenTask, date: today, result: 'Đã làm', percent: 50 },
    'tasks.complete': { id: hiddenTask, date: today, result: 'Xong' },
    'tasks.remind': { id: hiddenTask, date: today },
    'tasks.pause': { id: hiddenTask, reason: 'tạm dừng' },
    'tasks.resume': { id: hiddenTask },
    'tasks.cancel': { id: hiddenTask, reason: 'hủy' },
    'tasks.sources': {},
    'tasks.settings': {},
    'tasks.updateSettings': { dueSoonDays: 3 },
    'tasks.readDocument': { fileId },
    'tasks.importFromText': { text: '1. Văn phòng Sở tổng hợp báo cáo trước 30/12/2026.' },
    'tasks.importCommit': { sourceText: 'Thông báo mới', sourceIncomingId: s.secret, tasks: [{ content: 'Việc mới', leadUnitId: s.mine }] },
    'exports.taskReport': { ...year, format: 'xlsx' },
    'exports.meetingConclusion': { sourceText: `Thông báo ${OTHER}`, title: 'Kết luận giao ban', ...signature },
    'exports.taskReminders': { unitId: s.mine, ...signature },
    'calendar.year': { year: 2026 },
    'calendar.setDay': { date: '2030-01-02', kind: 'off' },
    'tthc.procedures': {},
    'tthc.addProcedure': { name: 'Thủ tục mới', field: 'Đất đai', processingDays: 10 },
    'tthc.register': { procedureId: s.procedureId, applicantName: 'Nguyễn Văn B', applicantKind: 'person', receivedAt: today, channel: 'direct' },
    'tthc.update': { id: s.tthc, note: 'sửa' },
    'tthc.get': { id: s.tthc },
    'tthc.list': {},
    'tthc.complete': { id: s.tthc, resultDate: today },
    'tthc.withdraw': { id: s.tthc, date: today, reason: 'rút' },
    'tthc.postpone': { id: s.tthc, newDueDate: '2026-12-30', reason: 'bổ sung' },
    'tthc.stats': year,
    'dossiers.plan': { year: 2026 },
    'dossiers.addHeading': { year: 2026, title: 'Đề mục mới' },
    'dossiers.copyYear': { fromYear: 2026, toYear: 2027 },
    'dossiers.create': { year: 2026, code: '09.QLĐĐ', title: 'Hồ sơ mới', retention: 5 },
    'dossiers.update': { id: s.ownFile, note: 'sửa' },
    'dossiers.get': { id: s.ownFile },
    'dossiers.list': {},
    'dossiers.addDocuments': { id: s.ownFile, documents: [{ kind: 'outgoing', outgoingId: s.secretOut, sheets: 1 }] },
    'dossiers.removeDocument': { id: s.ownFile, documentId: s.secretEntry },
    'dossiers.close': { id: s.ownFile, workEndedAt: today },
    'dossiers.handOver': { ids: [s.ownFile], date: today, giverPerson: 'Nguyễn Văn A', receiver: 'Lưu trữ cơ quan' },
    'dossiers.handovers': {},
    'exports.dossierPlan': { year: 2026, format: 'docx' },
    'exports.dossierIndex': { id: s.ownFile, format: 'xlsx' },
    'exports.handoverIndex': { handoverId: 1, format: 'xlsx' },
    'exports.handoverRecord': { handoverId: 1 },
    'exports.apologySlip': { id: s.tthc, ...signature },
    'backup.settings': {},
    'backup.updateSettings': {},
    'backup.create': {},
    'backup.compact': {},
    'backup.list': {},
    'backup.inspect': { id: 'khong-co.sqlite' },
    'backup.restore': { id: 'khong-co.sqlite' },
    'incoming.delete': { id: hiddenIn, reason: null },
    'outgoing.delete': { id: hiddenOut, reason: null },
    'tasks.delete': { id: hiddenTask, reason: null },
    'dossiers.delete': { id: s.ownFile, reason: null },
    'tthc.delete': { id: s.tthc, reason: null },
    'trash.list': {},
    'trash.restore': { kind: 'incoming', id: role === 'officer' ? s.othersDeleted : s.secretDeleted },
    'trash.purge': { kind: 'incoming', id: s.secretDeleted },
    'audit.list': {},
    'exports.audit': { ...year, entity: null, actor: null },
    'auth.status': {},
    'auth.setupAdmin': { username: 'khac', fullName: 'Khác', password: PASSWORD },
    'auth.login': { username: 'khong-co', password: 'sai' },
    'auth.logout': {},
    'auth.changePassword': { current: 'sai-mat-khau-cu', next: 'mat-khau-moi-rat-dai-2026' },
    'auth.sessions': {},
    'auth.endSession': { id: '0123456789abcdef01234567' },
    'users.list': {},
    'users.create': { username: 'moi', password: PASSWORD, fullName: 'Mới', role: 'clerk' },
    'users.update': { id: 1, secretAccess: true },
    'users.resetPassword': { id: 1, password: PASSWORD },
    'reports.monthly': { year: 2026, month: 11 },
    'reports.dashboard': { year: 2026 },
    'reports.settings': {},
    'reports.updateSettings': { recipients: ['Lưu: VT'], authority: '', position: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn A' },
    'exports.monthlyReport': { year: 2026, month: 11 },
    'send.package': { files: [{ attachmentId: hiddenFile }] },
    'send.draft': { files: [{ attachmentId: hiddenFile }], to: ['vanthu@langson.gov.vn'], subject: 'Gửi', body: 'Gửi kèm' },
    'send.queue': { files: [{ attachmentId: hiddenFile }], to: ['vanthu@langson.gov.vn'], subject: 'Gửi', body: 'Gửi kèm' },
    'send.outbox': {},
    'send.process': {},
    'send.retry': { id: 1 },
    'send.markSent': { id: 1 },
    'send.cancel': { id: 1 },
    'send.settings': {},
    'send.updateSettings': { host: '127.0.0.1', port: 2525, secure: false, user: '', password: '', from: 'vanthu@langson.gov.vn' },
    'templates.list': {},
    'templates.set': { export: 'incomingRegister', fileId },
    'templates.remove': { export: 'incomingRegister' },
    'jobs.cancel': { method: 'exports.incomingRegister' },
    'documents.read': { fileId },
    'documents.edxmlStatus': { incomingId: hiddenIn, status: 'received' },
    'exports.outgoingEdxml': { id: hiddenOut },
    'trust.list': {},
    'trust.add': { fileId },
    'trust.remove': { id: 1 },
    'documents.signatures': { fileId },
    'intake.list': {},
    'intake.get': { id: s.intakeItem },
    'intake.addFiles': { files: [{ fileId }] },
    'intake.register': { id: s.intakeItem, document: { arrivalDate: today, senderName: 'UBND huyện', notation: '98/UBND-VP', documentDate: today, subject: 'Văn bản từ danh sách chờ' } },
    'intake.setAside': { id: s.intakeItem, reason: 'Gửi nhầm cơ quan' },
    'intake.restore': { id: s.intakeItem },
    'intake.mailbox.get': {},
    'intake.mailbox.update': { enabled: false, host: '127.0.0.1', port: 1993, security: 'tls', username: 'vanthu', folders: ['INBOX'], afterFetch: 'leave' },
    'intake.mailbox.check': {},
    'intake.mailbox.test': { enabled: true, host: '127.0.0.1', port: 1, security: 'tls', username: 'vanthu', password: 'sai', folders: ['INBOX'], afterFetch: 'leave' },
    'intake.folders.list': {},
    'intake.folders.add': { label: 'Máy quét', path: '/tmp', afterTake: 'leave' },
    'intake.folders.update': { id: 1, enabled: false },
    'intake.folders.remove': { id: 1 },
    'notifications.settings.get': {},
    'notifications.settings.update': { newItems: true, morning: false },
    'notifications.digest': {},
  };
}

/** More calls on the same methods: the secret records for the Chuyên viên too, the secret register, the source-hidden task. */
function extraCalls(s: Seed): [MethodName, unknown][] {
  return [
    ['incoming.get', { id: s.secret }],
    ['outgoing.get', { id: s.secretOut }],
    ['tasks.get', { id: s.secretTask }],
    ['attachments.list', { ownerKind: 'incoming', ownerId: s.secret }],
    ['attachments.open', { id: s.secretFile }],
    ['exports.incomingRegister', { ...year, format: 'xlsx', registerId: 2 }],
    ['exports.outgoingRegister', { ...year, format: 'xlsx', registerId: 4 }],
    ['exports.incomingRegister', { ...year, format: 'docx' }],
    ['exports.taskReport', { ...year, format: 'docx' }],
    ['exports.incomingFollowUp', { ...year, format: 'xlsx' }],
    ['exports.handlingSlip', { id: s.secret }],
    ['search.global', { q: 'MATKHAU' }],
    ['search.global', { q: 'DONVIKHAC' }],
    ['incoming.list', { ...year, registerId: 2 }],
    ['tasks.list', { q: 'nhiem vu' }],
    ['trash.list', { kind: 'tasks' }],
  ];
}

/** Every text the caller gets: the answer, and the text inside an exported file (xlsx, docx and zip are zips). */
async function textsOf(r: ApiResult<unknown>, session: string): Promise<string> {
  const texts = [JSON.stringify(r)];
  const value = r.ok ? (r.value as { fileId?: unknown; file?: { fileId?: unknown } } | null) : null;
  const fileId = typeof value?.fileId === 'string' ? value.fileId : typeof value?.file?.fileId === 'string' ? value.file.fileId : null;
  if (fileId) {
    const bytes = fs.readFileSync(ok(await t.core.download(session, fileId)).path);
    if (bytes.subarray(0, 2).toString() === 'PK') {
      const zip = await JSZip.loadAsync(bytes);
      for (const f of Object.values(zip.files)) {
        texts.push(f.name);
        if (!f.dir) texts.push(await f.async('string'));
      }
    } else texts.push(bytes.toString('utf8'));
  }
  return texts.join('\n');
}

describe('one access rule for every read', () => {
  it.each<Role>(['clerk', 'officer'])('walks every method of the registry as %s without the grant and finds none of what they may not see', async (role) => {
    t = await makeCore({ clock: () => new Date(`${today}T09:00:00+07:00`) });
    const s = await seed();
    const session = s.sessions[role];
    const fileId = ok(await t.core.upload(session, 'khong-phai-excel.xlsx', Buffer.from('khong phai tep excel'))).fileId;
    const table = samples(s, role, fileId);
    const methods = Object.keys(contracts) as MethodName[];
    expect(methods.filter((m) => !(m in table))).toEqual([]);
    // Reads first, on the seed as made (a write wrongly allowed would change what later reads find); deleting and restoring last; signing out ends the walk.
    const last = (m: MethodName) => /\.delete$|^trash\.(restore|purge)$/.test(m);
    const isRead = (m: MethodName) => contracts[m].mode === 'read';
    const rest = methods.filter((m) => m !== 'auth.logout');
    const inOrder = [...rest.filter(isRead), ...rest.filter((m) => !isRead(m) && !last(m)), ...rest.filter(last)];
    const calls: [MethodName, unknown][] = [...inOrder.map((m): [MethodName, unknown] => [m, table[m]]), ...extraCalls(s), ['auth.logout', {}]];
    const leaked: string[] = [];
    const failures: string[] = [];
    let refused = 0;
    let answered = 0;
    for (const [method, input] of calls) {
      const r = await t.core.call(method, input, { session });
      if (r.ok) answered++;
      else if (r.error.code === 'FORBIDDEN') refused++;
      // A wrong password is the sample of auth.login; any other UNAUTHORIZED means the walk lost its session.
      if (!r.ok && (r.error.code === 'INTERNAL' || (r.error.code === 'UNAUTHORIZED' && method !== 'auth.login'))) failures.push(`${method}: ${r.error.code} ${r.error.message}`);
      const text = await textsOf(r, session);
      for (const m of markers[role]) if (text.includes(m)) leaked.push(`${method} ${JSON.stringify(input)} → ${m}: ${text.slice(Math.max(0, text.indexOf(m) - 120), text.indexOf(m) + 40)}`);
    }
    console.log(JSON.stringify({ access: { role, methods: methods.length, called: calls.length, answered, refused, otherErrors: calls.length - answered - refused, leaked: leaked.length } }));
    expect(failures).toEqual([]);
    expect(leaked).toEqual([]);
    // The walk really read: the lists answer, with what the caller may see.
    expect(answered).toBeGreaterThan(role === 'clerk' ? 60 : 12);
  }, 120_000);

  it('warns of a duplicate the user may not see without naming or numbering it', async () => {
    t = await makeCore({ clock: () => new Date(`${today}T09:00:00+07:00`) });
    const s = await seed();
    const e = err(await t.core.call('incoming.register', { arrivalDate: today, senderName: `Bộ Chỉ huy ${SECRET}`, notation: '15/BCH-TM', documentDate: '2026-11-18', subject: 'Bản điện tử' }, { session: s.sessions.clerk }));
    expect(e.code).toBe('DUPLICATE');
    expect(e.message).not.toContain('số đến');
    expect(e.message).not.toContain(SECRET);
    expect(JSON.stringify(e)).not.toContain(String(s.secret));
    // Asked while typing, before Enter: the same warning, no more.
    const early = ok(await t.core.call('incoming.checkDuplicate', { senderName: `Bộ Chỉ huy ${SECRET}`, notation: '15/BCH-TM', documentDate: '2026-11-18' }, { session: s.sessions.clerk }));
    expect(early).toMatchObject({ duplicate: true, existingId: null });
    expect(early.message).toContain('đã có một văn bản trùng');
    expect(JSON.stringify(early)).not.toContain('số đến');
    // A document the user may see is still named, with its arrival number.
    const seen = err(await t.core.call('incoming.register', { arrivalDate: today, senderName: 'UBND tỉnh', notation: '30/UBND-KT', documentDate: '2026-11-18', subject: 'Bản điện tử' }, { session: s.sessions.clerk }));
    expect(seen.message).toContain('số đến');
  }, 60_000);
});
