/**
 * End to end: the browser shell on a fresh database, driven in Chromium as a
 * clerk would use it.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e.sqlite')]);
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(web.url);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('first run and units', () => {
  it('asks for the agency first and shows the field messages', async () => {
    await page.getByRole('heading', { name: 'Chào mừng đến với Văn thư' }).waitFor();
    // The token left the address bar.
    expect(page.url()).not.toContain('token=');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await page.locator('#agency-name-error').waitFor();
    expect(await page.locator('#agency-name-error').textContent()).toBe('Tên cơ quan không được để trống.');
    expect(await page.locator('#agency-abbr-error').textContent()).toBe('Tên viết tắt của cơ quan không được để trống.');
    await page.getByLabel('Cơ quan chủ quản').fill('UBND tỉnh Lạng Sơn');
    await page.getByLabel('Tên cơ quan').fill('Sở Tài nguyên và Môi trường');
    await page.getByLabel('Tên viết tắt').fill('STNMT');
    await page.getByLabel('Địa danh ghi ở dòng ngày tháng').fill('Lạng Sơn');
    await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
    await page.getByRole('navigation', { name: 'Chức năng' }).waitFor();
    for (const area of ['Văn bản đến', 'Văn bản đi', 'Nhiệm vụ', 'Hồ sơ', 'Báo cáo', 'Đơn vị', 'Cài đặt']) {
      expect(await page.getByRole('navigation').getByRole('link', { name: area, exact: true }).count()).toBe(1);
    }
  });

  it('an empty unit name shows the Vietnamese message under the field', async () => {
    await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const form = page.getByRole('form', { name: 'Thêm đơn vị' });
    await form.getByRole('button', { name: 'Lưu' }).click();
    const msg = form.locator('#unit-name-error');
    await msg.waitFor();
    expect(await msg.textContent()).toBe('Tên đơn vị không được để trống.');
  });

  it('creates units through the form and finds them in the table after a reload', async () => {
    const form = page.getByRole('form', { name: 'Thêm đơn vị' });
    await form.getByLabel('Tên đơn vị').fill('Phòng Quản lý đất đai');
    await form.getByLabel('Tên viết tắt').fill('qlđđ');
    await form.getByLabel('Thư điện tử').fill('qldd@stnmt.langson.gov.vn');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu "Phòng Quản lý đất đai".' }).waitFor();

    for (const [name, abbr] of [
      ['Văn phòng Sở', 'VP'],
      ['Thanh tra Sở', 'TTRA'],
      ['Chi cục Bảo vệ môi trường', 'CCBVMT'],
    ]) {
      await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
      const f = page.getByRole('form', { name: 'Thêm đơn vị' });
      await f.getByLabel('Tên đơn vị').fill(name!);
      await f.getByLabel('Tên viết tắt').fill(abbr!);
      await f.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('status').filter({ hasText: `Đã lưu "${name}".` }).waitFor();
    }

    await page.reload();
    const table = page.getByRole('table', { name: 'Danh sách đơn vị' });
    await table.getByRole('cell', { name: 'Phòng Quản lý đất đai' }).waitFor();
    expect(await table.getByRole('cell', { name: 'QLĐĐ', exact: true }).count()).toBe(1);
    const names = await table.locator('tbody tr td:first-child').allTextContents();
    expect(names).toEqual(['Chi cục Bảo vệ môi trường', 'Phòng Quản lý đất đai', 'Thanh tra Sở', 'Văn phòng Sở']);

    // Filtering without diacritics, then sorting by name descending.
    await page.getByLabel('Lọc đơn vị').fill('dat dai');
    expect(await table.locator('tbody tr td:first-child').allTextContents()).toEqual(['Phòng Quản lý đất đai']);
    await page.getByLabel('Lọc đơn vị').fill('');
    await table.getByRole('button', { name: /Tên đơn vị/ }).click();
    await table.getByRole('button', { name: /Tên đơn vị/ }).click();
    expect((await table.locator('tbody tr td:first-child').allTextContents())[0]).toBe('Văn phòng Sở');
    await page.screenshot({ path: screenshotPath('units-page'), fullPage: true });
  });

  it('a duplicate abbreviation is refused with the message under the field', async () => {
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    const f = page.getByRole('form', { name: 'Thêm đơn vị' });
    await f.getByLabel('Tên đơn vị').fill('Văn phòng 2');
    await f.getByLabel('Tên viết tắt').fill('VP');
    await f.getByRole('button', { name: 'Lưu' }).click();
    await f.locator('#unit-abbr-error').waitFor();
    expect(await f.locator('#unit-abbr-error').textContent()).toBe('Tên viết tắt "VP" đã dùng cho đơn vị "Văn phòng Sở".');
    await page.screenshot({ path: screenshotPath('units-form-error'), fullPage: true });
  });
});
