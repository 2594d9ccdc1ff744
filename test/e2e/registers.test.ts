/**
 * End to end: the clerk's daily work in Chromium — registering incoming
 * documents with the keyboard, the duplicate warning, the list, search,
 * an outgoing document issued.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVi, toIsoDate } from '../../shared/dates';
import { standardAgency, tempDir } from '../support/core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
const today = toIsoDate(new Date());
const year = today.slice(0, 4);

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-registers.sqlite')]);
  await post(web, 'agency.update', standardAgency);
  await post(web, 'units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' });
  await post(web, 'units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' });
  await post(web, 'units.create', { name: 'Ủy ban nhân dân tỉnh Lạng Sơn', abbreviation: 'UBND', kind: 'external' });
  await post(web, 'units.create', { name: 'Sở Tài chính', abbreviation: 'STC', kind: 'external' });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${web.url}#/incoming`);
  await page.getByRole('heading', { name: 'Văn bản đến' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** Every key the clerk presses, counted. */
let presses = 0;
async function press(key: string) {
  presses++;
  await page.keyboard.press(key);
}
async function type(text: string) {
  presses += [...text].length;
  await page.keyboard.type(text);
}

describe('incoming register in the browser', () => {
  it('registers a typical document with the keyboard only', async () => {
    presses = 0;
    await press('Alt+N');
    await page.getByRole('form', { name: 'Vào sổ văn bản đến' }).waitFor();
    // Focus starts on the sender; the arrival date is today by default.
    await type('uy ban');
    await page.getByRole('option', { name: 'Ủy ban nhân dân tỉnh Lạng Sơn' }).waitFor();
    await press('Tab'); // accepts the suggestion and moves on to Số, ký hiệu
    await type('448/BC-STNMT');
    await press('Tab');
    await type('05/09/2022');
    await press('Tab'); // Loại văn bản (already filled from the notation)
    await press('Tab');
    await type('Báo cáo kết quả công tác quản lý đất đai tháng 8 năm 2022');
    await press('Enter');
    await page.getByRole('status').filter({ hasText: 'Đã vào sổ: số đến 01' }).waitFor();
    console.log(`[e2e] keyboard-only registration: ${presses} key presses`);
    const form = page.getByRole('form', { name: 'Vào sổ văn bản đến' });
    // The next empty form keeps the arrival date.
    expect(await form.getByLabel('Ngày đến').inputValue()).toBe(formatDateVi(today));
    expect(await form.getByLabel('Tác giả (cơ quan gửi)').inputValue()).toBe('');
    const table = page.getByRole('table', { name: 'Sổ văn bản đến' });
    await table.getByRole('cell', { name: '448/BC-STNMT' }).waitFor();
    const first = table.locator('.vtable-body [role=row]').first();
    expect(await first.getByRole('cell').first().textContent()).toBe('01');
    expect(await first.getByRole('cell').nth(2).textContent()).toBe('Ủy ban nhân dân tỉnh Lạng Sơn');
    // Ngày VB is hidden by default (Cột hiển thị…), so the subject is the fifth column.
    expect(await first.getByRole('cell').nth(4).textContent()).toBe('Báo cáo kết quả công tác quản lý đất đai tháng 8 năm 2022');
    await page.screenshot({ path: screenshotPath('incoming-form'), fullPage: true });
  });

  it('warns of a duplicate and registers it as 02 when confirmed', async () => {
    const form = page.getByRole('form', { name: 'Vào sổ văn bản đến' });
    await form.getByLabel('Tác giả (cơ quan gửi)').fill('Ủy ban nhân dân tỉnh Lạng Sơn');
    await page.keyboard.press('Escape');
    await form.getByLabel('Số, ký hiệu').fill('448/BC-STNMT');
    await form.getByLabel('Ngày văn bản').fill('05/09/2022');
    // Said as soon as sender, notation and date are there, before Enter.
    await form.getByRole('status', { name: 'Cảnh báo trùng' }).filter({ hasText: /đã vào sổ: số đến 01/ }).waitFor();
    await page.screenshot({ path: screenshotPath('incoming-duplicate-early'), fullPage: true });
    await form.getByLabel('Trích yếu').fill('Bản điện tử của báo cáo tháng 8');
    await form.getByRole('button', { name: 'Lưu (Enter)' }).click();
    await form.getByText(/đã vào sổ: số đến 01/).waitFor();
    await form.getByRole('button', { name: 'Vẫn vào sổ' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã vào sổ: số đến 02' }).waitFor();
  });

  it('shows field messages in Vietnamese and writes nothing', async () => {
    const form = page.getByRole('form', { name: 'Vào sổ văn bản đến' });
    await form.getByLabel('Ngày đến').fill('31/02/2022');
    await form.getByRole('button', { name: 'Lưu (Enter)' }).click();
    expect(await form.locator('#in-arrival-error').textContent()).toBe('Ngày đến: ngày 31/02/2022 không có.');
    await form.getByLabel('Ngày đến').fill(formatDateVi(today));
    await form.getByRole('button', { name: 'Lưu (Enter)' }).click();
    await form.locator('#in-sender-error').waitFor();
    expect(await form.locator('#in-sender-error').textContent()).toBe('Tác giả (cơ quan gửi) không được để trống.');
    expect(await form.locator('#in-subject-error').textContent()).toBe('Trích yếu không được để trống.');
    const r = await post(web, 'incoming.list', {});
    expect((r.body.value as { total: number }).total).toBe(2);
    await form.getByRole('button', { name: 'Đóng', exact: true }).last().click();
  });

  it('loads more rows on scroll, sorts, and filters without diacritics', async () => {
    for (let i = 0; i < 150; i++) {
      await post(web, 'incoming.register', {
        arrivalDate: today,
        senderName: i % 2 ? 'Sở Tài chính' : 'Sở Nội vụ',
        notation: `${i + 1}/CV-X${i}`,
        documentDate: today,
        subject: i % 10 === 0 ? `Về việc đo đạc bản đồ địa chính đợt ${i}` : `Về việc dự toán ngân sách đợt ${i}`,
      });
    }
    await page.reload();
    const table = page.getByRole('table', { name: 'Sổ văn bản đến' });
    await table.getByText('Đang hiện 100 / 152 dòng').waitFor();
    expect(await table.locator('.vtable-body [role=row]').count()).toBeLessThan(60); // virtual rows
    await table.locator('.vtable-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await table.getByText('152 dòng', { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('incoming-list'), fullPage: true });
    await table.getByRole('button', { name: /Số đến/ }).click(); // ascending
    const firstCell = table.locator('.vtable-body [role=row]').first().getByRole('cell').first();
    await expect.poll(() => firstCell.textContent()).toBe('01');
    await page.getByLabel('Lọc theo từ khóa').fill('ban do dia chinh');
    await table.getByText('15 dòng', { exact: true }).waitFor();
  });

  it('finds a document from anywhere with Ctrl+K, highlighting what was typed without diacritics', async () => {
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog', { name: 'Tìm văn bản' }).waitFor();
    await page.keyboard.type('dat dai');
    const hit = page.getByRole('option').filter({ hasText: '448/BC-STNMT' }).first();
    await hit.waitFor();
    expect(await hit.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['đất', 'đai']));
    await page.screenshot({ path: screenshotPath('search'), fullPage: true });
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: 'Chi tiết văn bản đến' }).waitFor();
  });

  it('counts what search found and opens all of it in the filtered list', async () => {
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Tìm văn bản' });
    await page.keyboard.type('ban do dia chinh');
    await dialog.getByText('15 văn bản tìm thấy').waitFor();
    await page.screenshot({ path: screenshotPath('search-totals'), fullPage: true });
    await dialog.getByRole('link', { name: 'Xem tất cả 15 văn bản đến' }).click();
    const table = page.getByRole('table', { name: 'Sổ văn bản đến' });
    await table.getByText('15 dòng', { exact: true }).waitFor();
    expect(await page.getByLabel('Lọc theo từ khóa').inputValue()).toBe('ban do dia chinh');
  });
});

describe('printing the register', () => {
  it('exports the incoming register as Excel and downloads it', async () => {
    await page.getByRole('button', { name: 'In sổ' }).click();
    const dialog = page.getByRole('dialog', { name: 'In sổ văn bản đến' });
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Xuất tệp' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`So-van-ban-den_${year}-01-01_${year}-12-31.xlsx`);
    const file = path.join(tempDir(), 'download.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    // The book's title rows come first; the register's columns start under its header row.
    let header = 1;
    while (header < ws.rowCount && ws.getRow(header).getCell(1).text !== 'Ngày đến') header++;
    expect(ws.getRow(header).getCell(1).text).toBe('Ngày đến');
    expect(ws.rowCount - header).toBe(152);
    await dialog.getByRole('status').filter({ hasText: 'Đã xuất 152 văn bản' }).waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  });
});

describe('outgoing register in the browser', () => {
  it('drafts a Báo cáo and issues it as 01/BC-STNMT', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Văn bản đi', exact: true }).click();
    await page.getByRole('button', { name: 'Văn bản đi mới' }).click();
    const form = page.getByRole('form', { name: 'Văn bản đi mới' });
    await form.getByLabel('Loại văn bản').selectOption('BC');
    await form.getByLabel('Trích yếu').fill(`Báo cáo công tác văn thư năm ${year}`);
    await form.getByLabel('Nơi nhận (mỗi nơi một dòng)').fill('Ủy ban nhân dân tỉnh Lạng Sơn\nSở Tài chính');
    await form.getByRole('button', { name: 'Lưu dự thảo' }).click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết văn bản đi' });
    await detail.getByRole('button', { name: 'Cấp số' }).click();
    // Issuing a number cannot be undone: the app asks first, in its own dialog.
    await page.getByRole('dialog', { name: /Cấp số cho/ }).getByRole('button', { name: 'Cấp số' }).click();
    await detail.getByRole('status').filter({ hasText: 'Đã cấp số: 01/BC-STNMT' }).waitFor();
    await page.getByRole('table', { name: 'Sổ văn bản đi' }).getByRole('cell', { name: '01/BC-STNMT' }).waitFor();
    await page.screenshot({ path: screenshotPath('outgoing-list'), fullPage: true });
  });
});

// Last: its thousand documents of this year would change the register the tests above print.
describe('a common word over more than is counted', () => {
  it('says "hơn 1.000" where a common word matches more than is counted, and the list reads on past it', async () => {
    for (let i = 0; i < 1001; i++)
      await post(web, 'incoming.register', { arrivalDate: today, senderName: 'Sở Tài chính', notation: `${i + 1}/QT-TC`, documentDate: today, subject: `Báo cáo quan trắc môi trường đợt ${i}` });
    await page.keyboard.press('Control+K');
    const dialog = page.getByRole('dialog', { name: 'Tìm văn bản' });
    await page.keyboard.type('quan trac');
    await dialog.getByText('30 trong hơn 1.000 văn bản tìm thấy').waitFor();
    await page.screenshot({ path: screenshotPath('search-capped'), fullPage: true });
    await dialog.getByRole('link', { name: 'Xem tất cả hơn 1.000 văn bản đến' }).click();
    const table = page.getByRole('table', { name: 'Sổ văn bản đến' });
    // Already on this list, the link changes only its address: the list reads it when opened.
    await page.reload();
    await table.getByText('Đang hiện 100 / hơn 1.000 dòng').waitFor();
    await page.screenshot({ path: screenshotPath('list-capped'), fullPage: true });
    // Scrolled to the end, every row read: the count is exact again.
    await expect
      .poll(async () => {
        await table.locator('.vtable-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return table.locator('.table-foot').textContent();
      }, { timeout: 60_000 })
      .toContain('1001 dòng');
  });
});
