/**
 * End to end: a scan lands in the scanner's folder, shows in Văn bản chờ vào
 * sổ with the fields read from it; the clerk opens it, Vào sổ opens the
 * incoming form filled, saving registers it with its file and where it came
 * from. A file brought on a USB stick is set aside with a reason and put back.
 * The office mailbox settings show the state of the line.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/api/attachments';
import type { Incoming } from '../../shared/api/incoming';
import type { IntakeItem } from '../../shared/api/intake';
import { standardAgency, tempDir } from '../support/core';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { launchBrowser, screenshotPath } from '../support/browser';
import { noDovecot, startImap, type RunningImap } from '../support/imap';
import { post, startWeb, type RunningWeb } from '../support/web';

const FIXTURES = path.resolve('../shared/fixtures/incoming-documents');
const SCAN = 'cv-stc-ngan-sach.pdf';
const USB = 'qd-ubnd-thanh-hoa-to-cong-tac.pdf';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
const scanner = tempDir('vanthu-scanner-');

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-intake.sqlite')]);
  await post(web, 'agency.update', standardAgency);
  await post(web, 'units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' });
  const added = await post(web, 'intake.folders.add', { label: 'Máy quét văn thư', path: scanner, afterTake: 'move' });
  expect(added.body.ok).toBe(true);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${web.url}#/intake`);
  await page.getByRole('heading', { name: 'Văn bản chờ vào sổ' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const queue = () => page.getByRole('table', { name: 'Danh sách văn bản chờ vào sổ' });
const rowOf = (name: string) => queue().getByRole('row').filter({ hasText: name });
const form = () => page.getByRole('form', { name: 'Vào sổ văn bản đến' });
const items = async (status: string) => ((await post(web, 'intake.list', { status })).body.value as { items: IntakeItem[] }).items;

/** Every notification the page makes, kept for the test to read and click (the real API underneath). */
function spyOnNotifications() {
  const shown: Notification[] = [];
  (window as unknown as { shown: Notification[] }).shown = shown;
  window.Notification = new Proxy(window.Notification, {
    construct(target, args: [string, NotificationOptions?]) {
      const n = new target(...args);
      shown.push(n);
      return n;
    },
  });
}
const shownTitles = () => page.evaluate(() => (window as unknown as { shown: Notification[] }).shown.map((n) => n.title));
const clickShown = (title: string) => page.evaluate((t) => (window as unknown as { shown: Notification[] }).shown.find((n) => n.title === t)!.dispatchEvent(new Event('click')), title);

/** A port nothing listens on: the mailbox's line is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Văn bản chờ vào sổ', () => {
  it('registers a scanned document from the queue: the form comes filled, the file attached, the origin kept', async () => {
    fs.copyFileSync(path.join(FIXTURES, SCAN), path.join(scanner, SCAN));
    // The scanner's file appears without a reload, and its fields once the reader is done.
    await rowOf(SCAN).waitFor({ timeout: 45_000 });
    await rowOf(SCAN).getByText('2847/STC-QLNS').waitFor({ timeout: 45_000 });
    await expect.poll(() => rowOf(SCAN).textContent()).toContain('Máy quét văn thư');

    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Thêm tệp…' }).click();
    await (await choosing).setFiles(path.join(FIXTURES, USB));
    await page.getByRole('status').filter({ hasText: 'Đã đưa 1 văn bản vào danh sách chờ vào sổ.' }).waitFor();
    await rowOf(USB).waitFor();
    await page.getByRole('tab', { name: 'Chờ vào sổ (2)' }).waitFor();
    await expect.poll(() => page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: /Văn bản chờ vào sổ/ }).textContent()).toContain('2');
    await rowOf(USB).getByText(/\d+\/QĐ-UBND/).waitFor({ timeout: 45_000 });
    await page.screenshot({ path: screenshotPath('intake-queue') });

    await rowOf(SCAN).click();
    const panel = page.getByRole('region', { name: 'Văn bản chờ vào sổ' });
    await panel.getByRole('heading', { name: 'Thư mục' }).waitFor();
    await page.getByRole('complementary', { name: 'Văn bản đến từ tệp' }).locator('canvas').first().waitFor();
    await panel.getByRole('button', { name: 'Vào sổ' }).click();
    const f = form();
    await expect.poll(() => f.getByLabel('Số, ký hiệu').inputValue()).toBe('2847/STC-QLNS');
    expect(await f.getByLabel('Tác giả (cơ quan gửi)').inputValue()).toBe('Sở Tài chính tỉnh Lạng Sơn');
    expect((await f.getByLabel('Trích yếu').inputValue()).toLowerCase()).toContain('dự toán ngân sách nhà nước năm 2024');
    expect(await f.getByLabel('Ngày văn bản').inputValue()).toBe('05/09/2024');
    await f.getByLabel('Tệp sẽ đính kèm').getByText(`Tệp đính kèm khi lưu: ${SCAN}`).waitFor();
    await page.screenshot({ path: screenshotPath('intake-item') });
    await f.getByRole('button', { name: 'Lưu (Enter)' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã vào sổ: số đến 01' }).waitFor();

    const docs = ((await post(web, 'incoming.list', {})).body.value as { items: Incoming[] }).items;
    expect(docs).toHaveLength(1);
    const doc = docs[0]!;
    expect(doc).toMatchObject({ arrivalNumberText: '01', notation: '2847/STC-QLNS', senderName: 'Sở Tài chính tỉnh Lạng Sơn', documentDate: '2024-09-05' });
    expect(doc.origin ?? '').toContain('Máy quét văn thư');
    const files = ((await post(web, 'attachments.list', { ownerKind: 'incoming', ownerId: doc.id })).body.value as { items: Attachment[] }).items;
    expect(files.map((a) => [a.fileName, a.size])).toEqual([[SCAN, fs.statSync(path.join(FIXTURES, SCAN)).size]]);
    expect((await items('registered')).map((i) => [i.incomingId, i.files[0]?.name])).toEqual([[doc.id, SCAN]]);

    await page.getByRole('tab', { name: 'Đã vào sổ (1)' }).click();
    await rowOf(SCAN).waitFor();
    expect(await rowOf(USB).count()).toBe(0);
    // The register's detail says where the document came from.
    await rowOf(SCAN).click();
    await page.getByRole('region', { name: 'Văn bản chờ vào sổ' }).getByRole('link', { name: 'Mở văn bản đã vào sổ' }).click();
    await page.getByRole('complementary', { name: 'Chi tiết văn bản đến' }).getByText(doc.origin!).waitFor();
    await page.goto(`${web.url}#/intake`);
  });

  it('sets a document aside with a reason asked in the app\'s own dialog, and puts it back', async () => {
    await page.getByRole('tab', { name: /^Chờ vào sổ/ }).click();
    await rowOf(USB).click();
    await page.getByRole('region', { name: 'Văn bản chờ vào sổ' }).getByRole('button', { name: 'Để riêng…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Để riêng văn bản này?' });
    await dialog.getByRole('button', { name: 'Để riêng' }).click();
    await dialog.getByText('Lý do để riêng không được để trống.').waitFor();
    await dialog.getByLabel('Lý do để riêng').fill('Bản trùng, đã nhận qua bưu điện');
    await dialog.getByRole('button', { name: 'Để riêng' }).click();
    await page.getByRole('tab', { name: 'Để riêng (1)' }).waitFor();
    expect((await items('set_aside')).map((i) => i.setAsideReason)).toEqual(['Bản trùng, đã nhận qua bưu điện']);

    await page.getByRole('tab', { name: 'Để riêng (1)' }).click();
    await rowOf(USB).getByText('Lý do để riêng: Bản trùng, đã nhận qua bưu điện').waitFor();
    await rowOf(USB).click();
    await page.getByRole('button', { name: 'Đưa lại vào hàng chờ' }).click();
    await page.getByRole('tab', { name: 'Chờ vào sổ (1)' }).waitFor();
    expect((await items('waiting')).map((i) => i.files[0]?.name)).toEqual([USB]);
  });

  it('mailbox settings: the password is never shown back, the state line says the line is down; watched folders added, refused on their field, removed after asking', async () => {
    await page.goto(`${web.url}#/settings`);
    const box = page.getByRole('form', { name: 'Hộp thư cơ quan (IMAP)' });
    await box.getByLabel('Máy chủ IMAP').fill('127.0.0.1');
    await box.getByLabel('Cổng').fill(String(await closedPort()));
    await box.getByLabel('Tên đăng nhập').fill('van.thu@stnmt.langson.gov.vn');
    await box.getByLabel('Mật khẩu').fill('mat-khau-hop-thu');
    await box.getByLabel('Thư mục thư').fill('INBOX, Công văn đến');
    await box.getByLabel('Nhận thư từ hộp thư này').check();
    await box.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    expect(await box.getByLabel('Mật khẩu').inputValue()).toBe('');
    await box.getByText('Mật khẩu đã lưu nhưng không được bảo vệ').waitFor();
    await box.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    const state = page.getByRole('status', { name: 'Tình trạng hộp thư' });
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/^Lỗi: /);
    const saved = (await post(web, 'intake.mailbox.get', {})).body.value as { folders: string[]; hasPassword: boolean };
    expect(saved).toMatchObject({ folders: ['INBOX', 'Công văn đến'], hasPassword: true });
    expect(JSON.stringify(saved)).not.toContain('mat-khau-hop-thu');
    await page.getByRole('region', { name: 'Hộp thư cơ quan' }).screenshot({ path: screenshotPath('intake-mailbox') });

    // A field the core refuses is marked on the field itself.
    await box.getByLabel('Cổng').fill('99999');
    await box.getByRole('button', { name: 'Lưu' }).click();
    await box.locator('#imap-port-error').filter({ hasText: 'Cổng' }).waitFor();
    const watched = page.getByRole('region', { name: 'Thư mục theo dõi' });
    await watched.getByRole('table', { name: 'Các thư mục theo dõi' }).getByText('Máy quét văn thư').waitFor();
    await watched.screenshot({ path: screenshotPath('intake-folders') });
    // A folder is added by typing its path (a setting of this PC); a path that is no folder is refused on its field; removing asks first.
    const add = watched.getByRole('form', { name: 'Thêm thư mục theo dõi' });
    await add.getByLabel('Tên').fill('Ổ USB');
    await add.getByLabel('Đường dẫn thư mục').fill('khong-phai-duong-dan');
    await add.getByRole('button', { name: 'Thêm thư mục' }).click();
    await add.locator('#watch-path-error').waitFor();
    await add.getByLabel('Đường dẫn thư mục').fill(tempDir('vanthu-usb-'));
    await add.getByRole('button', { name: 'Thêm thư mục' }).click();
    await watched.getByRole('status').filter({ hasText: 'Đã thêm thư mục “Ổ USB”' }).waitFor();
    await watched.getByRole('row').filter({ hasText: 'Ổ USB' }).getByRole('button', { name: 'Bỏ' }).click();
    await page.getByRole('dialog', { name: 'Thôi theo dõi thư mục “Ổ USB”?' }).getByRole('button', { name: 'Thôi theo dõi' }).click();
    await watched.getByRole('status').filter({ hasText: 'Đã thôi theo dõi thư mục “Ổ USB”.' }).waitFor();
    expect(((await post(web, 'intake.folders.list', {})).body.value as { folders: { label: string }[] }).folders.map((f) => f.label)).toEqual(['Máy quét văn thư']);
    expect(await page.getByRole('status').filter({ hasText: 'Đã lưu.' }).count()).toBe(0);
  });

  it('notifies new documents in the queue and, each morning, documents near their deadline; each opens its page; the setting is per user', async () => {
    const today = format(new Date(), 'yyyy-MM-dd');
    const due = await post(web, 'incoming.register', { arrivalDate: today, senderName: 'Sở Xây dựng tỉnh Lạng Sơn', notation: '77/SXD-QH', subject: 'Đề nghị góp ý đồ án quy hoạch', deadline: format(addDays(new Date(), 2), 'yyyy-MM-dd') });
    const dueId = (due.body.value as Incoming).id;
    await browser.grantPermissions(['notifications'], { origin: web.origin });
    await page.addInitScript(spyOnNotifications);
    // The digest waits for the working day: the page's clock says eight in the morning, today.
    await page.clock.setFixedTime(new Date(`${today}T08:00:00`));
    await page.goto(`${web.url}#/settings`);
    const section = page.getByRole('region', { name: 'Thông báo' });
    await section.getByText('Máy đã cho phép hiển thị thông báo.').waitFor();
    await expect.poll(shownTitles, { timeout: 20_000 }).toContain('1 văn bản đến sắp hết hạn xử lý');
    expect(await page.evaluate(() => localStorage.getItem('vanthu.digest.0'))).toBe(today);

    // Turned off, new items say nothing; turned on again, they do.
    await section.getByLabel('Văn bản mới chờ vào sổ').uncheck();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt thông báo.' }).waitFor();
    expect(await post(web, 'notifications.settings.get', {})).toMatchObject({ body: { value: { newItems: false, morning: true } } });
    // The scanner's folder: what a scan brings is announced (a file the clerk adds by hand is not).
    const scan = (name: string) => fs.copyFileSync(path.join(FIXTURES, name), path.join(scanner, name));
    scan('gm-ubnd-tien-yen-nong-thon-moi.pdf');
    await page.getByRole('navigation', { name: 'Chức năng' }).getByText('2', { exact: true }).waitFor({ timeout: 30_000 });
    expect((await shownTitles()).filter((t) => t.includes('chờ vào sổ'))).toEqual([]);
    await section.getByLabel('Văn bản mới chờ vào sổ').check();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt thông báo.' }).waitFor();
    scan('tb-vp-ubnd-quang-ninh-ket-luan.pdf');
    await expect.poll(shownTitles, { timeout: 30_000 }).toContain('Có 1 văn bản mới chờ vào sổ');

    await clickShown('Có 1 văn bản mới chờ vào sổ');
    await page.getByRole('heading', { name: 'Văn bản chờ vào sổ' }).waitFor();
    await clickShown('1 văn bản đến sắp hết hạn xử lý');
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/incoming?open=${dueId}`);
    await page.getByText('77/SXD-QH').first().waitFor();

    // Once a day: the next opening this morning says nothing again.
    await page.reload();
    await page.getByRole('heading', { name: 'Văn bản đến', exact: true }).waitFor();
    // The digest is looked for once the page has the user's settings: give it that long before saying none came.
    await page.getByRole('navigation', { name: 'Chức năng' }).getByText('3', { exact: true }).waitFor();
    await page.waitForTimeout(3000);
    expect(await shownTitles()).toEqual([]);
  });

  it('flags a file that was already registered, with what it repeats', async () => {
    await page.goto(`${web.url}#/intake`);
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Thêm tệp…' }).click();
    await (await choosing).setFiles(path.join(FIXTURES, SCAN));
    const again = queue().getByRole('row').filter({ hasText: SCAN }).filter({ hasText: 'Tải lên' });
    await again.getByText(/^Trùng tệp: \S/).waitFor();
    const item = (await items('waiting')).find((i) => i.files[0]?.name === SCAN)!;
    expect(item.duplicate).toMatchObject({ kind: 'same-file', incomingId: expect.any(Number) });
    expect(await again.textContent()).toContain(item.duplicate!.label);
  });
});

function mail(o: Mail.Options): Promise<Buffer> {
  return new Promise((resolve, reject) => new MailComposer({ from: 'van.thu@stc.langson.gov.vn', to: 'vanthu@stnmt.langson.gov.vn', ...o }).compile().build((e, b) => (e ? reject(e) : resolve(b))));
}

if (noDovecot) console.log(noDovecot);
describe.skipIf(noDovecot !== null)('the office mailbox in the browser (dovecot on 127.0.0.1)', () => {
  let imap: RunningImap;
  let office: RunningWeb;
  let tab: Page;
  beforeAll(async () => {
    imap = await startImap();
    // The test server's own certificate, trusted by the app as an office's would be by the OS.
    const ca = path.join(tempDir(), 'imap-ca.pem');
    fs.writeFileSync(ca, imap.ca);
    process.env.NODE_EXTRA_CA_CERTS = ca;
    try {
      office = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-mailbox.sqlite')]);
    } finally {
      delete process.env.NODE_EXTRA_CA_CERTS;
    }
    await post(office, 'agency.update', standardAgency);
    await imap.append(await mail({ subject: 'Gửi công văn 2847/STC-QLNS', messageId: '<e2e-1@stc.test>', text: 'Sở Tài chính gửi kèm công văn.', attachments: [{ filename: SCAN, content: fs.readFileSync(path.join(FIXTURES, SCAN)) }] }));
    await imap.append(await mail({ subject: 'Đề nghị cung cấp số liệu quý IV', messageId: '<e2e-2@stc.test>', text: 'Đề nghị Sở gửi số liệu quý IV trước ngày 30/11/2026.' }));
    tab = await browser.newPage();
    tab.setDefaultTimeout(15_000);
    await tab.goto(`${office.url}#/settings`);
  });
  afterAll(async () => {
    await tab?.close();
    await office?.stop();
    await imap?.close();
  });

  it('fetches the mail once connected: an attachment and a text-only message become items; the text-only one is registered from its subject', async () => {
    const box = tab.getByRole('form', { name: 'Hộp thư cơ quan (IMAP)' });
    await box.getByLabel('Máy chủ IMAP').fill(imap.host);
    await box.getByLabel('Cổng').fill(String(imap.port));
    await box.getByLabel('Tên đăng nhập').fill(imap.username);
    await box.getByLabel('Mật khẩu').fill(imap.password);
    await box.getByLabel('Nhận thư từ hộp thư này').check();
    await box.getByRole('button', { name: 'Thử kết nối' }).click();
    await tab.getByRole('status').filter({ hasText: `Kết nối được hộp thư ${imap.username}` }).waitFor();
    await box.getByRole('button', { name: 'Lưu' }).click();
    await tab.getByRole('status').filter({ hasText: 'Đã lưu.' }).waitFor();
    await box.getByRole('button', { name: 'Kiểm tra ngay' }).click();
    const state = tab.getByRole('status', { name: 'Tình trạng hộp thư' });
    await expect.poll(() => state.textContent(), { timeout: 30_000 }).toMatch(/^Đã cập nhật lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/);
    await tab.getByRole('region', { name: 'Hộp thư cơ quan' }).screenshot({ path: screenshotPath('intake-mailbox-ok') });

    await tab.goto(`${office.url}#/intake`);
    const list = tab.getByRole('table', { name: 'Danh sách văn bản chờ vào sổ' });
    const withFile = list.getByRole('row').filter({ hasText: SCAN });
    const textOnly = list.getByRole('row').filter({ hasText: 'Đề nghị cung cấp số liệu quý IV' });
    await withFile.filter({ hasText: 'Thư điện tử' }).filter({ hasText: 'van.thu@stc.langson.gov.vn' }).getByRole('cell', { name: '2847/STC-QLNS', exact: true }).waitFor({ timeout: 45_000 });
    await textOnly.getByText('(nội dung thư)').waitFor();
    await tab.getByRole('tab', { name: 'Chờ vào sổ (2)' }).waitFor();

    await textOnly.click();
    await tab.getByRole('complementary', { name: 'Nội dung thư' }).getByText('Đề nghị Sở gửi số liệu quý IV trước ngày 30/11/2026.').waitFor();
    await tab.screenshot({ path: screenshotPath('intake-mail'), fullPage: true });
    await tab.getByRole('region', { name: 'Văn bản chờ vào sổ' }).getByRole('button', { name: 'Vào sổ' }).click();
    const f = tab.getByRole('form', { name: 'Vào sổ văn bản đến' });
    await expect.poll(() => f.getByLabel('Trích yếu').inputValue()).toBe('Đề nghị cung cấp số liệu quý IV');
    await f.getByLabel('Tác giả (cơ quan gửi)').fill('Sở Tài chính tỉnh Lạng Sơn');
    await f.getByRole('button', { name: 'Lưu (Enter)' }).click();
    await tab.getByRole('status').filter({ hasText: 'Đã vào sổ: số đến 01' }).waitFor();
    const [doc] = ((await post(office, 'incoming.list', {})).body.value as { items: Incoming[] }).items;
    expect(doc!.origin ?? '').toContain('van.thu@stc.langson.gov.vn');
    // Nothing is deleted on the server.
    expect(await imap.messages()).toHaveLength(2);
  });
});
