/**
 * End to end: the monthly report in Chromium — its figures, the Word export,
 * and sending it upward through the outbox.
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
const today = new Date();
const iso = today.toISOString().slice(0, 10);

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await post(web, method, input);
  if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
  return r.body.value as T;
}

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-reports.sqlite')]);
  await value('agency.update', standardAgency);
  await value('units.create', { name: 'Văn phòng UBND tỉnh Lạng Sơn', kind: 'external', email: 'vpubnd@langson.gov.vn' });
  await value('reports.updateSettings', { recipients: ['- Văn phòng UBND tỉnh Lạng Sơn (b/c);', 'Lưu: VT, VP.'], position: 'GIÁM ĐỐC', signerName: 'Nguyễn Văn A' });
  for (let i = 1; i <= 3; i++) await value('incoming.register', { arrivalDate: iso, senderName: 'UBND tỉnh Lạng Sơn', notation: `${i}/UBND-KT`, documentDate: iso, subject: `Văn bản ${i}` });
  ({ browser, page } = await openPage(`${web.url}#/reports`));
  await page.getByRole('heading', { name: 'Báo cáo', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('monthly report in the browser', () => {
  it('shows the month’s figures, exports the report and queues it for sending', async () => {
    const figures = page.getByRole('table', { name: 'Số liệu tháng' });
    await figures.getByText('3 (lũy kế 3)').waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Xuất báo cáo tháng/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^Bao-cao-thang-\d+-\d{4}\.docx$/);
    const dialog = page.getByRole('dialog', { name: 'Gửi tệp' });
    // The report's Nơi nhận comes chosen.
    await expect.poll(() => dialog.getByRole('checkbox', { name: 'Văn phòng UBND tỉnh Lạng Sơn' }).isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('send-dialog') });
    await dialog.getByRole('button', { name: 'Đưa vào hộp thư đi' }).click();
    await dialog.getByText(/Đã đưa vào hộp thư đi \(gửi tới vpubnd@langson.gov.vn\)/).waitFor();
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).click();
    await page.getByRole('table', { name: 'Hộp thư đi' }).getByText('Chờ gửi').waitFor();
  });
});

describe('home page', () => {
  it('shows the year by month against last year, tasks by unit, and opens the lists behind them', async () => {
    await value('tasks.create', { content: 'Báo cáo tổng kết đất đai', deadline: '2020-01-10' });
    // The tasks chart counts this year's deadlines; a year without any shows a message instead of an empty chart.
    await value('tasks.create', { content: 'Rà soát hồ sơ cấp giấy chứng nhận', deadline: `${iso.slice(0, 4)}-12-20` });
    await page.goto(web.url);
    await page.getByRole('heading', { name: /^Tổng quan năm/ }).waitFor();
    await page.getByRole('img', { name: 'Văn bản theo tháng' }).waitFor();
    await page.getByRole('img', { name: 'Nhiệm vụ theo đơn vị' }).waitFor();
    expect(await page.locator('.dashboard .card').first().textContent()).toContain('3');
    await page.screenshot({ path: screenshotPath('dashboard'), fullPage: true });
    await page.getByRole('list', { name: 'Nhiệm vụ quá hạn' }).getByRole('link', { name: 'Báo cáo tổng kết đất đai' }).click();
    await page.getByRole('heading', { name: 'Nhiệm vụ' }).waitFor();
    expect(await page.getByLabel('Tình trạng').inputValue()).toBe('overdue');
    // What a click on a month's bar opens: that month's register.
    await page.goto(`${web.url}#/incoming?from=${iso.slice(0, 7)}-01&to=${iso}`);
    await page.getByRole('heading', { name: 'Văn bản đến' }).waitFor();
    expect(await page.getByLabel('Từ ngày', { exact: true }).inputValue()).toBe(`01/${iso.slice(5, 7)}/${iso.slice(0, 4)}`);
  });
});
