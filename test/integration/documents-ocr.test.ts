import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ocrOptions } from '../../electron/core/documents-read/ocr';
import { imageSize } from '../../electron/core/documents-read/scan-pages';
import type { DocumentRead } from '../../shared/api/documents';
import { err, makeCore, ok, upload, type TestCore } from '../support/core';

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/incoming-documents');
const SCAN = 'cv-cat-ha-giang-nguoi-nuoc-ngoai';

let t: TestCore;
beforeAll(async () => {
  t = await makeCore();
});
afterAll(() => t.close());

let lastRead: DocumentRead | null = null;
const scanId = () => upload(t.core, `${SCAN}.pdf`, fs.readFileSync(path.join(FIXTURES, `${SCAN}.pdf`)));

describe('scans read by OCR, offline', () => {
  it('reads a fixture scan\'s fields, with progress events, and nothing fetched from the network', { timeout: 120_000 }, async () => {
    const network = [vi.spyOn(globalThis, 'fetch'), vi.spyOn(http, 'request'), vi.spyOn(https, 'request'), vi.spyOn(http, 'get'), vi.spyOn(https, 'get')];
    const seen: number[] = [];
    const off = t.core.onEvent((e) => {
      if (e.type === 'job.progress' && e.method === 'documents.read') seen.push(Number(e.done));
    });
    const r = ok(await t.core.call('documents.read', { fileId: await scanId() }));
    off();
    const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${SCAN}.expected.json`), 'utf8')) as Record<string, unknown>;
    expect(r.kind).toBe('pdf-scan');
    expect(r.fields).toEqual({
      senderName: expected['sender'], notation: expected['notation'], documentDate: expected['documentDate'], documentType: expected['documentType'],
      subject: expected['subject'], signerName: expected['signerName'], signerPosition: expected['signerPosition'], urgency: expected['urgency'],
      secrecy: expected['secrecy'], pages: expected['pages'], deadline: expected['deadline'],
    });
    expect(r.text).toContain('người nước ngoài');
    lastRead = r;
    // Progress from 0 to the whole page, with steps in between while the page is recognised.
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(100);
    expect(seen.filter((d) => d > 0 && d < 100).length).toBeGreaterThan(3);
    for (const spy of network) expect(spy).not.toHaveBeenCalled();
    for (const spy of network) spy.mockRestore();
  });

  it('takes the trained data and the engine from node_modules, never a URL, and caches nothing', () => {
    const o = ocrOptions();
    expect(o.cacheMethod).toBe('none');
    expect(path.isAbsolute(o.langPath)).toBe(true);
    expect(fs.existsSync(path.join(o.langPath, 'vie.traineddata.gz'))).toBe(true);
    expect(o.langPath).toContain(`node_modules${path.sep}@tesseract.js-data${path.sep}vie`);
  });

  it('reads a photographed or scanned image (JPEG) through OCR, and stops when cancelled while the page is being recognised', { timeout: 60_000 }, async () => {
    // The fixture's page image as a bare JPEG: the bytes from its start marker to the end of the PDF stream.
    const pdf = fs.readFileSync(path.join(FIXTURES, `${SCAN}.pdf`));
    const start = pdf.indexOf(Buffer.from([0xff, 0xd8, 0xff]));
    const jpeg = pdf.subarray(start, pdf.indexOf('endstream', start));
    expect(imageSize(jpeg)).toEqual({ width: 1654, height: 2339 });
    let asked = false;
    const off = t.core.onEvent((e) => {
      if (e.type === 'job.progress' && e.method === 'documents.read' && Number(e.done) > 0 && !asked) {
        asked = true;
        void t.core.call('jobs.cancel', { method: 'documents.read' });
      }
    });
    const e = err(await t.core.call('documents.read', { fileId: await upload(t.core, `${SCAN}.jpg`, jpeg) }));
    off();
    expect(asked).toBe(true);
    expect(e).toEqual(expect.objectContaining({ code: 'CANCELLED', message: expect.stringContaining('Đã hủy nhận dạng chữ') }));
    // The job is over: nothing left to cancel.
    expect(ok(await t.core.call('jobs.cancel', { method: 'documents.read' }))).toEqual({ cancelled: false });
  });

  it('keeps the recognised text of a registered scan for full-text search, through later edits', async () => {
    const read = lastRead;
    if (!read?.text) throw new Error('the scan was not read');
    const f = read.fields;
    const base = { arrivalDate: '2024-08-14', senderName: f.senderName ?? '', notation: f.notation, documentDate: f.documentDate, subject: f.subject ?? '' };
    const scanned = ok(await t.core.call('incoming.register', { ...base, recognisedText: read.text }));
    ok(await t.core.call('incoming.register', { ...base, notation: '1877/CAT-PA08', confirmDuplicate: true }));
    // "homestay" is in the letter's body only, never in a registered field.
    expect(f.subject).not.toMatch(/homestay/i);
    const found = async () => ok(await t.core.call('search.global', { q: 'homestay' })).hits.map((h) => h.id);
    expect(await found()).toEqual([scanned.id]);
    ok(await t.core.call('incoming.update', { id: scanned.id, note: 'đã chuyển' }));
    expect(await found()).toEqual([scanned.id]);
  });
});
