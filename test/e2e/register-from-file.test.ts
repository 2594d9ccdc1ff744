/**
 * End to end: a clerk drops files that arrived electronically onto the
 * incoming register; the document is shown beside the filled form, Enter
 * registers it with the file attached. Key presses are counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/api/attachments';
import type { Incoming } from '../../shared/api/incoming';
import type { Unit } from '../../shared/api/units';
import { standardAgency, tempDir } from '../support/core';
import { launchBrowser, screenshotPath } from '../support/browser';
import { post, startWeb, type RunningWeb } from '../support/web';

const FIXTURES = path.resolve('../shared/fixtures/incoming-documents');

let web: RunningWeb;
let browser: BrowserContext;
let page: Page;
/** What the page's CSP refused, and pdf.js falling back to its main-thread "fake worker": its worker must load under the strict CSP. */
const refused: string[] = [];

beforeAll(async () => {
  web = await startWeb(['--port', '0', '--db', path.join(tempDir(), 'e2e-from-file.sqlite')]);
  await post(web, 'agency.update', standardAgency);
  await post(web, 'units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' });
  await post(web, 'units.create', { name: 'Sở Tài chính tỉnh Lạng Sơn', kind: 'external' });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to|fake worker/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(`${web.url}#/incoming`);
  await page.getByRole('heading', { name: 'Văn bản đến' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** Drops files on the page as the desktop's file manager would: a drop event carrying them. */
async function drop(names: string[]) {
  const files = names.map((name) => ({ name, bytes: fs.readFileSync(path.join(FIXTURES, name)).toString('base64') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.bytes), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, files);
  await page.dispatchEvent('section.page', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('section.page', 'drop', { dataTransfer: transfer });
}

let presses = 0;
async function press(key: string) {
  presses++;
  await page.keyboard.press(key);
}

const form = () => page.getByRole('form', { name: 'Vào sổ văn bản đến' });
const registered = async () => ((await post(web, 'incoming.list', {})).body.value as { items: Incoming[] }).items;
const attachmentsOf = async (id: number) => ((await post(web, 'attachments.list', { ownerKind: 'incoming', ownerId: id })).body.value as { items: Attachment[] }).items;

describe('registering from a file', () => {
  it('registers a dropped born-digital PDF with Enter, its fields read and the file attached', async () => {
    presses = 0;
    await drop(['cv-stc-ngan-sach.pdf']);
    await page.getByText('Tệp 1/1').waitFor();
    const f = form();
    await expect.poll(() => f.getByLabel('Số, ký hiệu').inputValue()).toBe('2847/STC-QLNS');
    expect(await f.getByLabel('Tác giả (cơ quan gửi)').inputValue()).toBe('Sở Tài chính tỉnh Lạng Sơn');
    expect(await f.getByLabel('Ngày văn bản').inputValue()).toBe('05/09/2024');
    expect(await f.getByLabel('Hạn xử lý (hạn trả lời)').inputValue()).toBe('20/09/2024');
    expect(await f.getByLabel('Chức vụ người ký').inputValue()).toBe('Phó Giám đốc');
    // Each filled box says it came from the file; the page is drawn by pdf.js and the focused field's box outlined on it.
    expect(await f.locator('.source-mark').count()).toBeGreaterThanOrEqual(8);
    const preview = page.getByRole('complementary', { name: 'Văn bản đến từ tệp' });
    await preview.getByTestId('doc-highlight').waitFor();
    expect(await preview.locator('canvas').count()).toBe(3);
    await preview.getByRole('region', { name: 'Chữ ký số' }).getByText('Tệp không có chữ ký số.').waitFor();
    await f.getByLabel('Trích yếu').focus(); // a mouse click in real use; not a key press
    await preview.getByTestId('doc-highlight').waitFor();
    await page.screenshot({ path: screenshotPath('register-from-file'), fullPage: false });
    await f.getByLabel('Tác giả (cơ quan gửi)').focus();
    await press('Enter');
    await page.getByRole('status').filter({ hasText: 'Đã vào sổ tệp 1/1: số đến 01' }).waitFor();
    console.log(`[e2e] registration from a dropped PDF: ${presses} key presses`);
    expect(presses).toBeLessThanOrEqual(5);
    expect(refused).toEqual([]);

    const [doc] = await registered();
    const units = ((await post(web, 'units.list', { kind: 'external' })).body.value as { items: Unit[] }).items;
    expect(doc).toMatchObject({
      arrivalNumberText: '01',
      senderName: 'Sở Tài chính tỉnh Lạng Sơn',
      senderUnitId: units.find((u) => u.name === 'Sở Tài chính tỉnh Lạng Sơn')!.id,
      notation: '2847/STC-QLNS',
      documentDate: '2024-09-05',
      documentType: 'CV',
      signerName: 'Lương Thị Thu Hà',
      urgency: 'khan',
      secrecy: null,
      pages: 3,
      deadline: '2024-09-20',
    });
    expect(doc!.subject.toLowerCase()).toContain('dự toán ngân sách nhà nước năm 2024');
    const files = await attachmentsOf(doc!.id);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ fileName: 'cv-stc-ngan-sach.pdf', size: fs.statSync(path.join(FIXTURES, 'cv-stc-ngan-sach.pdf')).size });
  });

  it("registers several picked files one after another (the app's own picker); an edXML sender is kept with its OrganId", async () => {
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Vào sổ từ tệp…' }).click();
    await (await choosing).setFiles(['qd-ubnd-thanh-hoa-to-cong-tac.pdf', 'cv-snv-lang-son-can-bo-xa.edxml'].map((n) => path.join(FIXTURES, n)));
    await page.getByText('Tệp 1/2').waitFor();
    await expect.poll(() => form().getByLabel('Số, ký hiệu').inputValue()).not.toBe('');
    await form().getByLabel('Tác giả (cơ quan gửi)').focus();
    await page.keyboard.press('Enter');
    await page.getByText('Tệp 2/2').waitFor();
    await expect.poll(() => form().getByLabel('Số, ký hiệu').inputValue()).toBe('1532/SNV-CCVC');
    await form().getByLabel('Tác giả (cơ quan gửi)').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Đã vào sổ tệp 2/2: số đến 03' }).waitFor();
    expect(await page.getByText('Tệp 1/2').count()).toBe(0);

    const docs = await registered();
    expect(docs).toHaveLength(3);
    const edxml = docs.find((d) => d.notation === '1532/SNV-CCVC')!;
    expect(edxml).toMatchObject({ documentDate: '2025-10-08', signerName: 'Lộc Văn Thành', senderUnitId: expect.any(Number) });
    const units = ((await post(web, 'units.list', { kind: 'external' })).body.value as { items: Unit[] }).items;
    expect(units.find((u) => u.id === edxml.senderUnitId)!.organId).toMatch(/\S/);
    const inside = await attachmentsOf(edxml.id);
    expect(inside.length).toBeGreaterThan(0);
    expect(inside.every((a) => !a.fileName.endsWith('.edxml'))).toBe(true);
    const qd = docs.find((d) => d.id !== edxml.id && d.arrivalNumberText === '02')!;
    expect((await attachmentsOf(qd.id)).map((a) => a.fileName)).toEqual(['qd-ubnd-thanh-hoa-to-cong-tac.pdf']);
  });
});
