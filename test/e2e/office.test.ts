/**
 * End to end: the renderer of a client PC (the web shell in local mode) is
 * connected to an office server started by the test, signs in with the
 * server's account, sees the connected clients, and survives the server
 * going away and coming back (banner; the form keeps what was typed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { startOfficeServer } from '../../electron/office/server';
import { freePort, ok, standardAgency, tempDir } from '../support/core';
import { openPage, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

let core: Core;
let server: Awaited<ReturnType<typeof startOfficeServer>>;
let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
const serverDir = tempDir('vanthu-e2e-office-');
const certDir = path.join(serverDir, 'may-chu');
const admin = { username: 'quantri', password: 'mat-khau-quan-tri', fullName: 'Nguyễn Văn Quản' };
const year = new Date().getFullYear();

async function serve(port = 0): Promise<void> {
  server = await startOfficeServer({ core, listen: { host: '127.0.0.1', port }, certDir });
}

beforeAll(async () => {
  core = await createCore({ dbPath: path.join(serverDir, 'van-phong.sqlite') });
  ok(await core.call('agency.update', standardAgency));
  ok(await core.call('auth.setupAdmin', admin));
  const session = ok(await core.call('auth.login', admin)).session;
  ok(await core.call('incoming.register', { arrivalDate: `${year}-03-02`, senderName: 'UBND tỉnh Lạng Sơn', notation: '77/UBND-KT', documentDate: `${year}-03-01`, subject: 'Văn bản trên máy chủ văn phòng về đo đạc bản đồ' }, { session }));
  await serve();
  // The client PC: a fresh install of its own, configured just enough to show the settings.
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'may-tram.sqlite')]);
  const r = await post(web, 'agency.update', { ...standardAgency, name: 'Máy trạm chưa kết nối' });
  expect(r.body.ok).toBe(true);
  ({ browser, page } = await openPage(`${web.url}#/settings`));
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
  await server?.close();
  await core?.close();
});

describe('a client PC of the office server', () => {
  it('can itself serve: address from the list, port, fingerprint in large type, the hand-over sheet', async () => {
    const section = page.getByRole('region', { name: 'Máy chủ văn phòng' });
    await section.getByLabel('Địa chỉ mạng của máy này').selectOption('127.0.0.1');
    await section.getByLabel('Cổng').fill(String(await freePort()));
    await section.getByRole('button', { name: 'Bật máy chủ' }).click();
    const fingerprint = section.getByLabel('Dấu vân tay máy chủ');
    await fingerprint.waitFor();
    expect(await fingerprint.textContent()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await section.getByRole('button', { name: 'Xem phiếu bàn giao' }).click();
    const sheet = section.getByLabel('Phiếu bàn giao máy chủ văn phòng');
    expect(await sheet.textContent()).toContain(await fingerprint.textContent());
    await sheet.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('office-handover') });
    // What "In phiếu bàn giao" prints: the sheet alone (window.print() itself is not driven headless).
    await page.evaluate(() => document.body.classList.add('printing-handover'));
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: screenshotPath('office-handover-print') });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-handover'));
    await section.getByRole('button', { name: 'Tắt máy chủ' }).click();
    await section.getByText('Đang tắt').waitFor();
  });

  it('checks the fingerprint, connects, and signs in with the server’s account', async () => {
    const section = page.getByRole('region', { name: 'Kết nối máy chủ văn phòng' });
    await section.getByRole('textbox', { name: 'Địa chỉ máy chủ', exact: true }).fill('http://127.0.0.1');
    await section.getByRole('button', { name: 'Kiểm tra' }).click();
    await section.getByRole('alert').filter({ hasText: 'https://' }).waitFor();
    await section.getByRole('textbox', { name: 'Địa chỉ máy chủ', exact: true }).fill(server.url);
    await section.getByRole('button', { name: 'Kiểm tra' }).click();
    const shown = section.getByLabel('Dấu vân tay của máy chủ');
    await shown.waitFor();
    expect(await shown.textContent()).toBe(server.fingerprint);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('office-probe'), fullPage: true });
    await section.getByRole('button', { name: 'Xác nhận và kết nối' }).click();
    const form = page.getByRole('form', { name: 'Đăng nhập' });
    await form.getByLabel('Tên đăng nhập').fill(admin.username);
    await form.getByLabel('Mật khẩu').fill(admin.password);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText(`${admin.fullName} (Quản trị)`).waitFor();
    await page.getByText(standardAgency.name).first().waitFor();
  });

  it('works on the server’s data, and an export arrives as a download of the client', async () => {
    await page.goto(`${web.origin}/#/incoming`);
    await page.getByRole('table', { name: 'Sổ văn bản đến' }).getByRole('cell', { name: '77/UBND-KT' }).waitFor();
    await page.getByRole('button', { name: 'In sổ' }).click();
    const dialog = page.getByRole('dialog', { name: 'In sổ văn bản đến' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Xuất tệp' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^So-van-ban-den_.*\.xlsx$/);
    const file = path.join(tempDir(), 'tu-may-chu.xlsx');
    await download.saveAs(file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    await dialog.getByRole('status').filter({ hasText: 'Đã xuất 1 văn bản' }).waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  });

  it('shows the administrator who is connected, and the pinned fingerprint', async () => {
    await page.goto(`${web.origin}/#/settings`);
    const clients = page.getByRole('table', { name: 'Danh sách phiên đăng nhập' });
    await clients.getByRole('cell', { name: '127.0.0.1' }).first().waitFor();
    expect(await clients.textContent()).toContain(admin.fullName);
    const pinned = page.getByLabel('Dấu vân tay đã xác nhận');
    expect(await pinned.textContent()).toBe(server.fingerprint);
    await page.getByRole('region', { name: 'Người đang kết nối' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('office-clients'), fullPage: true });
    // The session begun on the server itself is ended from here, after the app's own question.
    const other = clients.getByRole('row').filter({ hasText: 'máy chủ' });
    await other.getByRole('button', { name: 'Kết thúc phiên' }).click();
    await page.getByRole('dialog', { name: `Kết thúc phiên của ${admin.fullName}?` }).getByRole('button', { name: 'Kết thúc phiên' }).click();
    await page.getByRole('status').filter({ hasText: `Đã kết thúc phiên của ${admin.fullName}.` }).waitFor();
    await other.waitFor({ state: 'detached' });
  });

  it('says the connection is lost while the server is away, keeps what was typed, and recovers on the same port', async () => {
    await page.goto(`${web.origin}/#/incoming`);
    await page.getByRole('button', { name: /Vào sổ văn bản đến/ }).click();
    const form = page.getByRole('form', { name: 'Vào sổ văn bản đến' });
    await form.getByLabel('Trích yếu').fill('Đang gõ dở khi mất mạng: kế hoạch kiểm kê đất đai');
    const port = server.port;
    await server.close();
    const banner = page.getByRole('alert').filter({ hasText: 'Mất kết nối tới máy chủ văn phòng' });
    await banner.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: screenshotPath('office-lost'), fullPage: true });
    expect(await form.getByLabel('Trích yếu').inputValue()).toBe('Đang gõ dở khi mất mạng: kế hoạch kiểm kê đất đai');
    await serve(port);
    await banner.waitFor({ state: 'detached', timeout: 20_000 });
    expect(await form.getByLabel('Trích yếu').inputValue()).toBe('Đang gõ dở khi mất mạng: kế hoạch kiểm kê đất đai');
    await page.screenshot({ path: screenshotPath('office-back'), fullPage: true });
  });
});
