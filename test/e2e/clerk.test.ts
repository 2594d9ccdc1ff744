/**
 * End to end at 1366×768: the clerk's day — the first-run checklist, the
 * incoming list with its columns kept, a correction with its reason, the audit
 * log read in Vietnamese, Cấp số and Hủy số in the app's own dialogs, and the
 * send dialog without a mail account. Each screen is saved to be looked at.
 */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toIsoDate } from '../../shared/dates';
import { standardAgency, tempDir } from '../support/core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
const today = toIsoDate(new Date());
const year = today.slice(0, 4);
const day = (n: number) => `${year}-01-${String(n).padStart(2, '0')}`;

const value = async <T,>(method: string, body: unknown): Promise<T> => {
  const r = await post(web, method, body);
  if (!r.body.ok) throw new Error(`${method}: ${r.body.error?.message}`);
  return r.body.value as T;
};

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-clerk.sqlite')]);
  await post(web, 'agency.update', standardAgency);
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  page.setDefaultTimeout(10_000);
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe("the clerk's day", () => {
  it('leads a new office on to its units and first administrator', async () => {
    await page.goto(`${web.url}#/home`);
    const list = page.getByRole('region', { name: 'Các bước bắt đầu' });
    await list.getByText('Bắt đầu sử dụng: còn 2 bước').waitFor();
    await page.screenshot({ path: screenshotPath('clerk-first-run-checklist') });
    expect(await list.getByRole('link', { name: 'Thêm các đơn vị của cơ quan' }).getAttribute('href')).toBe('#/units');
  });

  it('shows the incoming list at 1366 px with marks, full subjects on hover, and keeps hidden columns', async () => {
    const vp = await value<{ id: number }>('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' });
    await value('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' });
    const senders = ['UBND tỉnh Lạng Sơn', 'Sở Tài chính', 'Bộ Tài nguyên và Môi trường', 'Sở Kế hoạch và Đầu tư'];
    for (let i = 1; i <= 8; i++) {
      await value('incoming.register', {
        arrivalDate: day(i + 2),
        senderName: senders[i % senders.length],
        notation: `${100 + i}/${i % 2 ? 'UBND-KT' : 'STC-NS'}`,
        documentDate: day(i),
        subject: `Về việc báo cáo tình hình thực hiện kế hoạch sử dụng đất và công tác quản lý tài nguyên khoáng sản trên địa bàn, đợt ${i}`,
        urgency: i === 3 ? 'khan' : null,
        secrecy: i === 5 ? 'mat' : null,
        leadUnitId: i % 3 ? vp.id : null,
        deadline: i % 3 ? day(20 + i) : null,
      });
    }
    await page.goto(`${web.url}#/incoming?from=${year}-01-01&to=${year}-12-31`);
    const table = page.getByRole('table', { name: 'Sổ văn bản đến' });
    await table.getByText('101/UBND-KT').waitFor();
    for (const h of ['Số đến', 'Ngày đến', 'Tác giả', 'Số, ký hiệu', 'Trích yếu', 'Đơn vị xử lý', 'Hạn xử lý', 'Tình trạng'])
      expect(await table.getByRole('columnheader', { name: h }).count(), h).toBe(1);
    await table.locator('.mark.urgent').first().waitFor();
    await table.locator('.mark.secret').first().waitFor();
    const subject = table.getByRole('cell').filter({ hasText: 'đợt 1' }).first();
    expect(await subject.getAttribute('title')).toContain('trên địa bàn, đợt 1');
    await page.screenshot({ path: screenshotPath('clerk-incoming-list') });

    await page.getByRole('button', { name: 'Cột hiển thị…' }).click();
    await page.getByRole('checkbox', { name: 'Tác giả' }).uncheck();
    await page.reload();
    await table.getByText('101/UBND-KT').waitFor();
    expect(await table.getByRole('columnheader', { name: 'Tác giả' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cột hiển thị…' }).click();
    await page.getByRole('checkbox', { name: 'Tác giả' }).check();
    await page.getByRole('button', { name: 'Cột hiển thị…' }).click();
  });

  it('corrects a registered document: a new arrival number asks for the reason, and the audit log says it in Vietnamese', async () => {
    const table = page.getByRole('table', { name: 'Sổ văn bản đến' });
    await table.getByRole('row').filter({ hasText: '108/STC-NS' }).click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết văn bản đến' });
    await detail.getByRole('button', { name: 'Sửa' }).click();
    const form = detail.getByRole('form', { name: 'Sửa văn bản đến' });
    await form.getByLabel('Số đến').fill('18');
    await form.getByLabel('Ngày văn bản').fill('31/02/' + year);
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    // Both at once: the date that does not exist and the missing reason.
    await form.getByText(`Ngày văn bản: ngày 31/02/${year} không có.`).waitFor();
    await form.getByText('Sửa số đến cần ghi lý do sửa.').waitFor();
    await form.getByLabel('Ngày văn bản').fill(`08/01/${year}`);
    await form.getByLabel('Lý do sửa').fill('Ghi nhầm số đến khi vào sổ');
    await page.screenshot({ path: screenshotPath('clerk-correction') });
    await form.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await detail.getByRole('heading', { name: 'Văn bản đến số 18' }).waitFor();
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    await page.goto(`${web.url}#/audit`);
    const log = page.getByRole('table', { name: 'Nhật ký thay đổi' });
    const row = log.getByRole('row').filter({ hasText: 'Văn bản đến số 18 (108/STC-NS)' }).first();
    await row.getByText('Ghi nhầm số đến khi vào sổ').waitFor();
    const text = (await log.textContent()) ?? '';
    for (const internal of ['arrivalNumber', 'senderUnitId', '{', 'null', 'incoming.update']) expect(text, internal).not.toContain(internal);
    await page.screenshot({ path: screenshotPath('clerk-audit') });
  });

  it('asks before Cấp số and asks the reason of Hủy số in its own dialog', async () => {
    const draft = await value<{ id: number }>('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo kết quả thực hiện nhiệm vụ tháng 01' });
    await page.goto(`${web.url}#/outgoing`);
    await page.getByRole('table', { name: 'Sổ văn bản đi' }).getByRole('row').filter({ hasText: 'Báo cáo kết quả' }).click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết văn bản đi' });
    await detail.getByRole('button', { name: 'Cấp số' }).click();
    const confirm = page.getByRole('dialog', { name: /Cấp số cho báo cáo này/ });
    await confirm.getByRole('button', { name: 'Cấp số' }).click();
    await detail.getByText(/Đã cấp số: 01\/BC-STNMT/).waitFor();
    expect(draft.id).toBeGreaterThan(0);

    await detail.getByRole('button', { name: 'Hủy số' }).click();
    const ask = page.getByRole('dialog', { name: 'Hủy số 01/BC-STNMT?' });
    await ask.getByRole('button', { name: 'Hủy số' }).click();
    await ask.getByText('Lý do hủy số không được để trống.').waitFor();
    await ask.getByLabel('Lý do hủy số').fill('Văn bản ký sai thẩm quyền, phải ban hành lại');
    await page.screenshot({ path: screenshotPath('clerk-cancel-number') });
    await ask.getByRole('button', { name: 'Hủy số' }).click();
    await detail.getByText('Đã hủy số.').waitFor();
    await detail.getByText('Văn bản ký sai thẩm quyền, phải ban hành lại').waitFor();
  });

  it('says in the send dialog that messages wait for a mail account, and Esc closes it', async () => {
    await value('units.create', { name: 'Ủy ban nhân dân tỉnh Lạng Sơn', kind: 'external', email: 'ubnd@langson.gov.vn' });
    await page.goto(`${web.url}#/reports`);
    await page.getByRole('button', { name: /Xuất báo cáo tháng/ }).click();
    // No signer in the settings yet: asked for in the app's own dialog, and kept.
    const ask = page.getByRole('dialog', { name: 'Ai ký báo cáo tháng?' });
    await ask.getByLabel('Họ và tên người ký').fill('Hoàng Văn Bình');
    await page.screenshot({ path: screenshotPath('clerk-ask-signer') });
    await ask.getByRole('button', { name: 'Xuất báo cáo' }).click();
    const dialog = page.getByRole('dialog', { name: 'Gửi tệp' });
    // "UBND tỉnh (b/c)" of the default Nơi nhận is the committee with an address.
    await expect.poll(() => dialog.getByRole('checkbox', { name: 'Ủy ban nhân dân tỉnh Lạng Sơn' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Người ký', { exact: true }).inputValue()).toBe('Hoàng Văn Bình');
    await dialog.getByText(/Chưa có tài khoản gửi thư/).waitFor();
    await dialog.getByRole('button', { name: 'Đặt tài khoản gửi thư' }).waitFor();
    await page.screenshot({ path: screenshotPath('clerk-send-without-account') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Gửi ngay' }).click();
    await page.getByText(/Không có thư nào đến lượt gửi/).waitFor();
  });

  it("picks files with the app's own buttons, never the browser's Choose File", async () => {
    await page.goto(`${web.url}#/settings`);
    await page.getByRole('button', { name: 'Khôi phục từ tệp…' }).waitFor();
    await page.getByRole('button', { name: 'Thêm chứng thư gốc…' }).waitFor();
    // The templates' list arrives after the page: wait for its buttons before counting.
    await page.getByRole('button', { name: 'Tải mẫu .docx…' }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Tải mẫu .docx…' }).count()).toBeGreaterThan(0);
    expect(await page.locator('input[type=file]:visible').count()).toBe(0);
    await page.goto(`${web.url}#/import`);
    await page.getByText('Chưa chọn tệp').waitFor();
    await page.getByLabel('Tệp Excel').setInputFiles({ name: 'so-den-2025.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('x') });
    await page.getByText('so-den-2025.xlsx').waitFor();
    expect(await page.locator('input[type=file]:visible').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('clerk-file-picker') });
  });
});
