/**
 * End to end: data safety in Chromium — backing up now, seeing what a backup
 * holds and restoring it (the later entry is gone, the undo backup is listed).
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

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await post(web, method, input);
  if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
  return r.body.value as T;
}
const register = (notation: string) => value('incoming.register', { arrivalDate: '2026-11-20', senderName: 'UBND tỉnh Lạng Sơn', notation, documentDate: '2026-11-18', subject: `Văn bản ${notation}` });

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-safety.sqlite')]);
  await value('agency.update', standardAgency);
  await register('1/UBND-KT');
  ({ browser, page } = await openPage(`${web.url}#/settings`));
  await page.getByRole('heading', { name: 'Sao lưu dữ liệu' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('backups in the browser', () => {
  it('backs up now, shows what a backup holds, restores it and lists the undo backup', async () => {
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(/Đã sao lưu vào .*đã kiểm tra đọc lại được/).waitFor();
    const list = page.getByRole('table', { name: 'Các bản sao lưu' });
    const manual = list.getByRole('row').filter({ hasText: 'Sao lưu ngay' });
    await manual.waitFor();
    await register('2/UBND-KT');
    await page.screenshot({ path: screenshotPath('settings-backup'), fullPage: true });
    await manual.getByRole('button', { name: 'Khôi phục…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục dữ liệu' });
    await dialog.getByText('Bản sao lưu này có: 1 văn bản đến').waitFor();
    await dialog.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByText(/Đã khôi phục dữ liệu ngày/).waitFor();
    await list.getByRole('row').filter({ hasText: 'Trước khi khôi phục' }).waitFor();
    const docs = await value<{ total: number }>('incoming.list', { from: '2026-01-01', to: '2026-12-31' });
    expect(docs.total).toBe(1);
  });
});

describe('trash and audit in the browser', () => {
  it('deletes a document from its panel, finds it in the trash, restores it, and shows it all in the audit log', async () => {
    await register('3/UBND-TC');
    await page.goto(`${web.url}#/incoming`);
    await page.getByRole('button', { name: /Tìm văn bản/ }).click();
    await page.getByRole('dialog', { name: 'Tìm văn bản' }).waitFor();
    await page.keyboard.type('3/UBND-TC');
    await page.getByRole('option').filter({ hasText: '3/UBND-TC' }).first().waitFor();
    await page.keyboard.press('Enter');
    const detail = page.getByRole('complementary', { name: 'Chi tiết văn bản đến' });
    await detail.getByRole('button', { name: 'Xóa…' }).click();
    await detail.getByLabel('Lý do xóa').fill('Vào sổ nhầm');
    await detail.getByRole('button', { name: 'Chuyển vào thùng rác' }).click();
    await detail.waitFor({ state: 'detached' });

    await page.goto(`${web.url}#/trash`);
    const trash = page.getByRole('table', { name: 'Các mục đã xóa' });
    const row = trash.getByRole('row').filter({ hasText: 'Văn bản 3/UBND-TC' });
    await row.getByText('Vào sổ nhầm').waitFor();
    await page.screenshot({ path: screenshotPath('trash'), fullPage: true });
    await row.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByText(/Đã khôi phục “Văn bản đến số/).waitFor();
    expect(await trash.getByRole('row').filter({ hasText: 'Văn bản 3/UBND-TC' }).count()).toBe(0);

    await page.goto(`${web.url}#/audit`);
    const log = page.getByRole('table', { name: 'Nhật ký thay đổi' });
    await log.getByText('Khôi phục một mục từ thùng rác').waitFor();
    await log.getByText(/Xóa văn bản đến/).first().waitFor();
    await page.screenshot({ path: screenshotPath('audit'), fullPage: true });
  });
});
