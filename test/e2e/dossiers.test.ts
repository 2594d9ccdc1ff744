/**
 * End to end: dossiers in Chromium — last year's list of work files with its
 * hand-over warnings, adding a file with a field error first, filling and
 * closing a file, handing files over; the TTHC figures and list, receiving a
 * dossier through the form.
 */
import path from 'node:path';
import { addDays, format } from 'date-fns';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardAgency, tempDir } from '../support/core';
import { openPage, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
const day = (n: number) => format(addDays(new Date(), n), 'yyyy-MM-dd');
const lastYear = Number(day(0).slice(0, 4)) - 1;

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await post(web, method, input);
  if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
  return r.body.value as T;
}

/** A file of last year with one document, closed so that its hand-over falls `dueIn` days from today. */
async function closedFile(code: string, title: string, headingId: number, unitId: number, dueIn: number) {
  const f = await value<{ id: number }>('dossiers.create', { year: lastYear, headingId, code, title, retention: 10, keeperUnitId: unitId });
  const ended = format(addDays(new Date(`${day(dueIn)}T00:00:00`), -365), 'yyyy-MM-dd');
  const docDate = ended.startsWith(String(lastYear)) ? ended : `${lastYear}-12-01`;
  await value('dossiers.addDocuments', { id: f.id, documents: [{ kind: 'other', date: docDate < ended ? docDate : ended, title: `Văn bản của hồ sơ ${code}`, sheets: 3 }] });
  await value('dossiers.close', { id: f.id, workEndedAt: ended });
}

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-dossiers.sqlite')]);
  await value('agency.update', standardAgency);
  const vp = (await value<{ id: number }>('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  const qldd = (await value<{ id: number }>('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' })).id;
  const top = await value<{ id: number }>('dossiers.addHeading', { year: lastYear, title: 'TỔNG HỢP' });
  const sub = await value<{ id: number }>('dossiers.addHeading', { year: lastYear, parentId: top.id, title: 'Kế hoạch, báo cáo' });
  const land = await value<{ id: number }>('dossiers.addHeading', { year: lastYear, title: 'QUẢN LÝ ĐẤT ĐAI' });
  await closedFile('01.VP', `Kế hoạch, báo cáo công tác năm ${lastYear}`, sub.id, vp, 20);
  await closedFile('02.VP', `Hồ sơ hội nghị tổng kết năm ${lastYear}`, sub.id, vp, -10);
  await closedFile('01.QLĐĐ', `Hồ sơ thống kê đất đai năm ${lastYear}`, land.id, qldd, 200);
  await value('dossiers.create', { year: lastYear, headingId: land.id, code: '02.QLĐĐ', title: `Hồ sơ giao đất, cho thuê đất năm ${lastYear}`, retention: 'permanent', keeperUnitId: qldd });

  await value('incoming.register', { arrivalDate: `${lastYear}-04-02`, senderName: 'UBND tỉnh Lạng Sơn', notation: '112/UBND-KT', documentDate: `${lastYear}-04-01`, subject: 'Về việc giao đất cho Công ty TNHH Kỳ Lừa' });
  const proc = await value<{ id: number }>('tthc.addProcedure', { name: 'Đăng ký biến động quyền sử dụng đất', field: 'Đất đai', processingDays: 10 });
  for (const [i, received] of [day(-3), day(-2), day(-40), day(-1)].entries()) {
    const d = await value<{ id: number; dueDate: string }>('tthc.register', { procedureId: proc.id, applicantName: `Nông Văn Hải ${i + 1}`, applicantKind: 'person', receivedAt: received, channel: i % 2 ? 'online4' : 'direct', handlingUnitId: qldd });
    if (i === 1) await value('tthc.complete', { id: d.id, resultDate: day(0) });
  }
  ({ browser, page } = await openPage(`${web.url}#/dossiers`));
  await page.getByRole('heading', { name: 'Hồ sơ', exact: true }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const plan = () => page.getByRole('table', { name: `Danh mục hồ sơ năm ${lastYear}` });

describe('work files in the browser', () => {
  it("shows last year's list by heading with the hand-over warnings", async () => {
    await page.getByLabel('Năm của danh mục').selectOption(String(lastYear));
    await plan().getByText('I. TỔNG HỢP').waitFor();
    const rows = await plan().locator('tbody tr').allTextContents();
    expect(rows[0]).toBe('I. TỔNG HỢP');
    expect(rows[1]).toBe('1. Kế hoạch, báo cáo');
    expect(rows.find((r) => r.startsWith('01.VP'))).toContain('Sắp đến hạn nộp lưu');
    expect(rows.find((r) => r.startsWith('02.VP'))).toContain('Quá hạn nộp lưu');
    expect(rows.find((r) => r.startsWith('01.QLĐĐ'))).not.toContain('nộp lưu (');
    await page.screenshot({ path: screenshotPath('dossiers-work-files') });
    await page.getByLabel('Chỉ hồ sơ đến hạn nộp lưu').check();
    await page.waitForFunction(() => !document.body.textContent?.includes('01.QLĐĐ'));
    await page.getByLabel('Chỉ hồ sơ đến hạn nộp lưu').uncheck();
  });

  it('adds a file, showing the field error first', async () => {
    await page.getByRole('button', { name: 'Thêm hồ sơ, đề mục' }).click();
    const form = page.getByRole('form', { name: 'Thêm hồ sơ' });
    await form.getByLabel('Số và ký hiệu hồ sơ').fill('03.VP');
    await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
    await form.getByText('Tiêu đề hồ sơ không được để trống.').waitFor();
    await form.getByLabel('Tiêu đề hồ sơ').fill(`Hồ sơ cải cách hành chính năm ${lastYear}`);
    await form.getByRole('button', { name: 'Thêm hồ sơ' }).click();
    await page.getByText('Đã thêm hồ sơ 03.VP.').waitFor();
    await plan().getByRole('button', { name: '03.VP' }).waitFor();
  });

  it('fills and closes a file, then hands two closed files over', async () => {
    await plan().getByRole('button', { name: '02.QLĐĐ' }).click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết hồ sơ' });
    const add = detail.getByRole('form', { name: 'Thêm văn bản vào hồ sơ' });
    await add.getByLabel('Số, ký hiệu').fill('25/QĐ-UBND');
    await add.getByLabel('Ngày văn bản').fill(`10/03/${lastYear}`);
    await add.getByLabel('Ngày văn bản').press('Tab');
    await add.getByLabel('Trích yếu').fill('Quyết định giao đất cho Công ty TNHH Kỳ Lừa');
    await add.getByRole('button', { name: 'Thêm vào hồ sơ' }).click();
    await detail.getByRole('cell', { name: '25/QĐ-UBND' }).waitFor();
    const pick = detail.getByRole('form', { name: 'Đưa văn bản đến, đi vào hồ sơ' });
    await pick.getByLabel('Tìm văn bản đã vào sổ').fill('112/UBND');
    await pick.getByRole('button', { name: 'Tìm' }).click();
    await pick.getByRole('button', { name: /112\/UBND-KT/ }).click();
    await detail.getByRole('cell', { name: '112/UBND-KT' }).waitFor();
    expect(await detail.textContent()).toContain('2 văn bản');
    await detail.getByLabel('Ngày kết thúc công việc').fill(`30/12/${lastYear}`);
    await detail.getByLabel('Ngày kết thúc công việc').press('Tab');
    await detail.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    await detail.getByText('Đã kết thúc').waitFor();

    await plan().getByLabel('Chọn hồ sơ 01.QLĐĐ để nộp lưu').check();
    await plan().getByLabel('Chọn hồ sơ 02.QLĐĐ để nộp lưu').check();
    await page.getByRole('button', { name: 'Nộp lưu 2 hồ sơ' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nộp lưu hồ sơ' });
    await dialog.getByLabel('Người giao').fill('Hoàng Thị Mai');
    await dialog.getByLabel('Người nhận').fill('Lưu trữ cơ quan');
    await dialog.getByRole('button', { name: 'Nộp lưu' }).click();
    await dialog.getByText('Đã nộp lưu 2 hồ sơ.').waitFor();
    await dialog.getByRole('button', { name: 'In biên bản giao nhận' }).waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    const row = await plan().locator('tr', { hasText: '01.QLĐĐ' }).textContent();
    expect(row).toContain('Đã nộp lưu');
  });
});

describe('TTHC dossiers in the browser', () => {
  it('shows the figures of the month and the list, and receives a dossier', async () => {
    await page.getByRole('tab', { name: 'Thủ tục hành chính' }).click();
    const list = page.getByRole('table', { name: 'Danh sách hồ sơ thủ tục hành chính' });
    await list.getByText('Nông Văn Hải 1').waitFor();
    const figures = page.locator('dl.figures');
    await figures.waitFor();
    const text = (await figures.textContent()) ?? '';
    expect(text).toContain('Tiếp nhận mới');
    await page.screenshot({ path: screenshotPath('tthc-list') });

    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const form = page.getByRole('form', { name: 'Tiếp nhận hồ sơ thủ tục hành chính' });
    await form.getByRole('button', { name: 'Tiếp nhận' }).click();
    await form.getByText('Tổ chức, cá nhân nộp hồ sơ không được để trống.').waitFor();
    await form.getByLabel('Tổ chức, cá nhân nộp hồ sơ').fill('Công ty cổ phần Xi măng Lạng Sơn');
    await form.getByLabel('Loại người nộp').selectOption('organisation');
    await form.getByRole('button', { name: 'Tiếp nhận' }).click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết hồ sơ thủ tục hành chính' });
    await detail.getByText('Hạn trả kết quả').waitFor();
    expect(await detail.textContent()).toContain('Đang giải quyết (trong hạn)');
    await list.getByText('Công ty cổ phần Xi măng Lạng Sơn').waitFor();
  });
});

describe('working-day calendar in the browser', () => {
  it("lists the year's holidays, lunar ones included, and takes a day off the government adds", async () => {
    await page.goto(`${web.url}#/settings`);
    const year = day(0).slice(0, 4);
    const table = page.getByRole('table', { name: `Ngày nghỉ năm ${year}` });
    await table.getByText('Tết Nguyên đán (mùng 1)', { exact: true }).waitFor();
    await table.getByText('Giỗ Tổ Hùng Vương (10/3 âm lịch)', { exact: true }).waitFor();
    await page.getByLabel('Ngày điều chỉnh', { exact: true }).fill(`24/12/${year}`);
    await page.getByLabel('Ngày điều chỉnh', { exact: true }).press('Tab');
    await page.getByLabel('Ghi chú ngày điều chỉnh').fill('Nghỉ theo thông báo của UBND tỉnh');
    await page.getByRole('button', { name: 'Lưu ngày' }).click();
    await table.getByText('Nghỉ theo thông báo của UBND tỉnh').waitFor();
    await page.screenshot({ path: screenshotPath('settings-calendar'), fullPage: true });
  });
});
