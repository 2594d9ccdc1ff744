/**
 * End to end: tasks in Chromium — the list with overdue and due-soon
 * filters, the per-unit summary, reading the tasks of a meeting conclusion
 * (seed 002) and saving the reviewed list, a task's progress.
 */
import fs from 'node:fs';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardAgency, tempDir } from '../support/core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
const seed002 = fs.readFileSync(path.resolve(__dirname, '../../../shared/seeds/002_3a266e0a28503dbb.txt'), 'utf8');
const notice = fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/task-documents/01-tb-ket-luan-so-nnptnt-thai-nguyen.txt'), 'utf8');
const day = (n: number) => format(addDays(new Date(), n), 'yyyy-MM-dd');
const units = ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Đo đạc và Khoáng sản', 'Phòng Quản lý đất đai', 'Chi cục Bảo vệ môi trường'];
const ids: Record<string, number> = {};

async function value<T>(method: string, input: unknown): Promise<T> {
  const r = await post(web, method, input);
  if (!r.body.ok) throw new Error(`${method}: ${JSON.stringify(r.body)}`);
  return r.body.value as T;
}

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-tasks.sqlite')]);
  await value('agency.update', standardAgency);
  for (const [i, name] of units.entries()) ids[name] = (await value<{ id: number }>('units.create', { name, abbreviation: `DV${i}`, kind: 'internal', order: i + 1 })).id;
  const mk = (content: string, unit: string, deadline: string | null, extra: object = {}) =>
    value('tasks.create', { content, leadUnitId: ids[unit], deadline, sourceText: 'Thông báo kết luận giao ban tháng 10', ...extra });
  await mk('Tổng hợp số liệu thống kê đất đai', 'Phòng Quản lý đất đai', day(-5));
  await mk('Kiểm tra khai thác cát trên sông Kỳ Cùng', 'Thanh tra Sở', day(-2), { focus: true });
  await mk('Báo cáo công tác cải cách hành chính', 'Văn phòng Sở', day(1));
  await mk('Thẩm định báo cáo đánh giá tác động môi trường', 'Chi cục Bảo vệ môi trường', day(40));
  await mk('Báo cáo kết quả thực hiện Kế hoạch', 'Văn phòng Sở', null, { timeText: 'hàng quý' });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${web.url}#/tasks`);
  await page.getByRole('heading', { name: 'Nhiệm vụ' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

const table = () => page.getByRole('table', { name: 'Danh sách nhiệm vụ' });

describe('tasks in the browser', () => {
  it('lists task periods with their status and filters overdue ones', async () => {
    await table().getByText('Tổng hợp số liệu thống kê đất đai').waitFor();
    await page.screenshot({ path: screenshotPath('tasks-list') });
    await page.getByRole('button', { name: 'Quá hạn', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Danh sách nhiệm vụ"] .task-overdue').length === 2);
    expect(await table().getByRole('row').filter({ hasText: 'Thẩm định báo cáo' }).count()).toBe(0);
    expect(await table().getByText('Quá hạn', { exact: true }).count()).toBe(2);
    await page.getByRole('button', { name: 'Sắp đến hạn' }).click();
    await table().getByText('Báo cáo công tác cải cách hành chính').waitFor();
    await page.getByLabel('Tình trạng').selectOption('');
  });

  it('shows the per-unit summary with a chart and opens the list of a unit from it', async () => {
    await page.getByRole('tab', { name: 'Tổng hợp theo đơn vị' }).click();
    const summary = page.locator('table.summary-table');
    await summary.waitFor();
    const rows = await summary.locator('tbody tr').allTextContents();
    // The three units with tasks due this year (Chi cục's is due next year), then the total.
    expect(rows.map((r) => r.split(/\d/)[0])).toEqual(
      day(40).slice(0, 4) === day(0).slice(0, 4)
        ? ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Quản lý đất đai', 'Chi cục Bảo vệ môi trường', 'Tổng cộng']
        : ['Văn phòng Sở', 'Thanh tra Sở', 'Phòng Quản lý đất đai', 'Tổng cộng'],
    );
    expect(rows[rows.length - 1]).toContain('Tổng cộng');
    await page.getByRole('img', { name: 'Số nhiệm vụ theo đơn vị và tình trạng' }).waitFor();
    // It says which period it counts, and the list it opens counts the same.
    const y = day(0).slice(0, 4);
    await page.getByRole('note', { name: 'Kỳ tổng hợp' }).getByText(`Đếm các nhiệm vụ có hạn từ 01/01/${y} đến 31/12/${y} và nhiệm vụ thường xuyên.`).waitFor();
    const ttTotal = (await summary.getByRole('row').filter({ hasText: 'Thanh tra Sở' }).getByRole('cell').first().textContent())!.trim();
    await page.screenshot({ path: screenshotPath('tasks-summary') });
    await summary.getByRole('button', { name: 'Thanh tra Sở' }).click();
    await table().getByText('Kiểm tra khai thác cát').waitFor();
    await table().getByText(`${ttTotal} dòng`, { exact: true }).waitFor();
    expect(await page.getByLabel('Hạn từ ngày').inputValue()).toBe(`01/01/${y}`);
    expect(await table().getByText('Tổng hợp số liệu thống kê').count()).toBe(0);
  });

  it('reads the tasks of a meeting conclusion, lets the clerk review them, and saves the accepted ones', async () => {
    await page.getByRole('tab', { name: 'Đọc từ văn bản' }).click();
    await page.getByLabel('Nội dung văn bản').fill(seed002);
    await page.getByRole('button', { name: 'Đọc nhiệm vụ' }).click();
    await page.getByText('70 nhiệm vụ đề xuất, chọn 70').waitFor();
    // Known units are matched; unknown ones are offered for creation.
    expect(await page.getByLabel('Đơn vị của nhiệm vụ 5', { exact: true }).inputValue()).toBe(String(ids['Văn phòng Sở']));
    expect(await page.getByLabel('Đơn vị của nhiệm vụ 45', { exact: true }).locator('option:checked').textContent()).toContain('Tạo đơn vị mới: Phòng Kế hoạch - Tài nguyên nước');
    await page.getByLabel('Lấy nhiệm vụ 2', { exact: true }).uncheck();
    await page.getByText('70 nhiệm vụ đề xuất, chọn 69').waitFor();
    await page.screenshot({ path: screenshotPath('tasks-import-review'), fullPage: false });
    await page.getByLabel('Trích yếu').fill('Kết luận giao ban tháng 6/2021');
    await page.getByRole('button', { name: 'Lưu 69 nhiệm vụ' }).click();
    await page.getByRole('tab', { name: 'Danh sách', selected: true }).waitFor();
    await page.getByRole('status').getByText(/^Đã lưu 69 nhiệm vụ/).waitFor();
    const list = await value<{ total: number }>('tasks.list', { source: 'text', q: '' });
    // Four one-off tasks, the quarterly one's periods up to the end of next year, and the 69 read.
    const y = Number(day(0).slice(0, 4));
    const quarterEnds = [y, y + 1].flatMap((yr) => ['03-31', '06-30', '09-30', '12-31'].map((md) => `${yr}-${md}`)).filter((d) => d >= day(0));
    expect(list.total).toBe(4 + quarterEnds.length + 69);
    const created = await value<{ items: { name: string }[] }>('units.list', { kind: 'internal' });
    expect(created.items.map((u) => u.name)).toContain('Phòng Kế hoạch - Tài nguyên nước');
  });

  it('fills the source from the document\'s header, lets the clerk correct it, and confirms how many were saved', async () => {
    await page.getByRole('tab', { name: 'Đọc từ văn bản' }).click();
    await page.getByLabel('Nội dung văn bản').fill(notice);
    await page.getByRole('button', { name: 'Đọc nhiệm vụ' }).click();
    await page.getByText('19 nhiệm vụ đề xuất, chọn 19').waitFor();
    const source = page.getByRole('group', { name: 'Nguồn giao' });
    expect(await source.getByLabel('Cơ quan ban hành').inputValue()).toBe('Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Nguyên');
    expect(await source.getByLabel('Loại văn bản').inputValue()).toBe('Thông báo');
    expect(await source.getByLabel('Số, ký hiệu').inputValue()).toBe('412/TB-SNN');
    expect(await source.getByLabel('Ngày văn bản').inputValue()).toBe('06/10/2023');
    expect(await source.getByLabel('Trích yếu').inputValue()).toBe('Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 10 năm 2023');
    // The recurrence of a general task reads back under its time.
    await page.getByText('Hàng tháng trước ngày 18').waitFor();
    await page.screenshot({ path: screenshotPath('tasks-import-source'), fullPage: false });
    await source.getByLabel('Số, ký hiệu').fill('412/TB-SNNPTNT');
    const saved = 'Thông báo số 412/TB-SNNPTNT ngày 06/10/2023 của Sở Nông nghiệp và Phát triển nông thôn tỉnh Thái Nguyên: Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng 10 năm 2023';
    expect(await source.getByLabel('Nguồn giao sẽ lưu').textContent()).toBe(saved);
    await page.getByRole('button', { name: 'Lưu 19 nhiệm vụ' }).click();
    await page.getByRole('status').getByText(/^Đã lưu 19 nhiệm vụ/).waitFor();
    await page.screenshot({ path: screenshotPath('tasks-import-saved'), fullPage: false });
    const list = await value<{ items: { source: string | null }[] }>('tasks.list', { q: 'thu hoạch lúa Mùa' });
    expect(list.items.map((i) => i.source)).toEqual([saved]);
  });

  it('assigns a task with the form and records its progress', async () => {
    await page.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    const form = page.getByRole('form', { name: 'Giao nhiệm vụ' });
    await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    await form.locator('#task-content-error').waitFor();
    expect(await form.locator('#task-content-error').textContent()).toBe('Nội dung nhiệm vụ không được để trống.');
    await form.getByLabel('Nội dung nhiệm vụ').fill('Cấp giấy chứng nhận quyền sử dụng đất lần đầu');
    await form.getByLabel('Đơn vị chủ trì').selectOption({ label: 'Phòng Quản lý đất đai' });
    await form.getByLabel('Hạn hoàn thành').fill(format(addDays(new Date(), 30), 'dd/MM/yyyy'));
    await form.getByLabel('Chỉ tiêu (số lượng)').fill('170');
    await form.getByLabel('Đơn vị tính').fill('giấy chứng nhận');
    await form.getByRole('button', { name: 'Lưu nhiệm vụ' }).click();
    const detail = page.getByRole('complementary', { name: 'Chi tiết nhiệm vụ' });
    await detail.getByText('Cấp giấy chứng nhận quyền sử dụng đất lần đầu').waitFor();
    await detail.getByLabel('Kết quả thực hiện').fill('Đã cấp 85 giấy chứng nhận');
    await detail.getByLabel('Số lượng đạt').fill('85');
    await detail.getByLabel('Tỷ lệ (%)').fill('50');
    await detail.getByRole('button', { name: 'Báo cáo tiến độ' }).last().click();
    await detail.getByText('Đã cấp 85 giấy chứng nhận — đạt 85 (50%)').waitFor();
    expect(await detail.getByText('85 / 170 (50%)').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('tasks-detail') });
  });
});
