/**
 * End to end: signing in, and what a Chuyên viên sees in Chromium — only the
 * incoming documents of their unit, no secret one, and no admin pages.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardAgency, tempDir } from '../support/core';
import { openPage, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
let session = '';
const password = 'mat-khau-chuyen-vien';

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await post(web, method, input, web.token, session);
  if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
  return r.body.value as T;
}

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-roles.sqlite')]);
  await value('agency.update', standardAgency);
  const qldd = (await value<{ id: number }>('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' })).id;
  const vp = (await value<{ id: number }>('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  const year = new Date().getFullYear();
  for (const [notation, lead, secrecy] of [['11/UBND-KT', qldd, null], ['12/UBND-KT', vp, null], ['13/UBND-KT', qldd, 'mat']] as const) {
    const d = await value<{ id: number }>('incoming.register', { arrivalDate: `${year}-01-15`, senderName: 'UBND tỉnh Lạng Sơn', notation, documentDate: `${year}-01-14`, subject: `Văn bản ${notation}`, secrecy });
    await value('incoming.assign', { id: d.id, leadUnitId: lead });
  }
  await value('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password: 'mat-khau-quan-tri' });
  session = (await value<{ session: string }>('auth.login', { username: 'quantri', password: 'mat-khau-quan-tri' })).session;
  await value('users.create', { username: 'chuyenvien', fullName: 'Hoàng Thị Lan', role: 'officer', unitId: qldd, password });
  ({ browser, page } = await openPage(web.url));
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('signing in', () => {
  it('asks to sign in, refuses a wrong password, and shows a Chuyên viên only their unit’s documents', async () => {
    const form = page.getByRole('form', { name: 'Đăng nhập' });
    await form.getByLabel('Tên đăng nhập').fill('chuyenvien');
    await form.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await form.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.screenshot({ path: screenshotPath('login') });
    await form.getByLabel('Mật khẩu').fill(password);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Hoàng Thị Lan (Chuyên viên)').waitFor();
    await page.getByText('Văn bản 11/UBND-KT').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('12/UBND-KT');
    expect(text).not.toContain('13/UBND-KT');
    const menu = await page.getByRole('navigation', { name: 'Chức năng' }).textContent();
    expect(menu).not.toContain('Nhật ký');
    expect(menu).not.toContain('Thùng rác');
    await page.screenshot({ path: screenshotPath('officer-incoming') });
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('form', { name: 'Đăng nhập' }).waitFor();
  });
});
