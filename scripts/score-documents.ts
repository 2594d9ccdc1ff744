/**
 * npm run score:documents [-- --dir FOLDER]: reads every fixture of
 * ../shared/fixtures/incoming-documents through documents.read and prints,
 * per kind and per field, the share read right against its expected.json,
 * and the time per document and per page, as the bench's JSON lines
 * {"name", "value", "unit", "n"}; the fields read wrong go to stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createCore } from '../electron/core/index';
import { documentFieldNames, type DocumentFields } from '../shared/api/documents';

export const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/incoming-documents');

type Expected = Record<string, unknown> & { file: string; kind: string };

/** The fixture's names for the contract's fields; its urgency is written with hyphens, the register's with underscores. */
function expectedValue(e: Expected, field: keyof DocumentFields): unknown {
  const v = e[field === 'senderName' ? 'sender' : field];
  return field === 'urgency' && typeof v === 'string' ? v.replace(/-/g, '_') : v ?? null;
}

const same = (a: unknown, b: unknown) => (typeof a === 'string' && typeof b === 'string' ? a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim() : a === b);

export interface Figure {
  name: string;
  value: number;
  unit: string;
  n: number;
}

export async function scoreDocuments(dir = FIXTURES, print: (f: Figure) => void = (f) => process.stdout.write(`${JSON.stringify(f)}\n`)): Promise<Figure[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vanthu-score-'));
  const core = await createCore({ dbPath: path.join(work, 'score.sqlite') });
  const figures: Figure[] = [];
  const emit = (f: Figure) => {
    const rounded = { ...f, value: Math.round(f.value * 1000) / 1000 };
    figures.push(rounded);
    print(rounded);
  };
  try {
    const byKind = new Map<string, { right: Map<string, number>; n: number; ms: number[]; cpu: number; pages: number }>();
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.expected.json')).sort()) {
      const expected = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Expected;
      const up = await core.upload(null, expected.file, fs.readFileSync(path.join(dir, expected.file)));
      if (!up.ok) throw new Error(up.error.message);
      const t0 = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      const r = await core.call('documents.read', { fileId: up.value.fileId });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const cpu = process.cpuUsage(cpu0);
      const k = byKind.get(expected.kind) ?? { right: new Map<string, number>(), n: 0, ms: [], cpu: 0, pages: 0 };
      byKind.set(expected.kind, k);
      k.n++;
      k.ms.push(ms);
      k.cpu += (cpu.user + cpu.system) / 1000;
      k.pages += typeof expected['pages'] === 'number' ? expected['pages'] : 1;
      for (const field of documentFieldNames) {
        const got = r.ok ? r.value.fields[field] : null;
        const want = expectedValue(expected, field);
        if (same(got, want)) k.right.set(field, (k.right.get(field) ?? 0) + 1);
        else process.stderr.write(`${expected.file} ${field}: đọc được ${JSON.stringify(got)}, cần ${JSON.stringify(want)}${r.ok ? '' : ` (${r.error.message})`}\n`);
      }
    }
    for (const [kind, k] of byKind) {
      let right = 0;
      for (const field of documentFieldNames) {
        right += k.right.get(field) ?? 0;
        emit({ name: `documents.read.${kind}.${field}`, value: (k.right.get(field) ?? 0) / k.n, unit: 'share', n: k.n });
      }
      emit({ name: `documents.read.${kind}.fields`, value: right / (k.n * documentFieldNames.length), unit: 'share', n: k.n * documentFieldNames.length });
      emit({ name: `documents.read.${kind}.mean_ms`, value: k.ms.reduce((a, b) => a + b, 0) / k.n, unit: 'ms', n: k.n });
      emit({ name: `documents.read.${kind}.p50_ms`, value: [...k.ms].sort((a, b) => a - b)[Math.floor((k.n - 1) / 2)]!, unit: 'ms', n: k.n });
      emit({ name: `documents.read.${kind}.max_ms`, value: Math.max(...k.ms), unit: 'ms', n: k.n });
      // A scan's time grows with its pages (OCR reads each): the goal is per page.
      emit({ name: `documents.read.${kind}.ms_per_page`, value: k.ms.reduce((a, b) => a + b, 0) / k.pages, unit: 'ms', n: k.pages });
      // The process's CPU time (OCR's worker thread included): what the page costs when the machine is shared.
      emit({ name: `documents.read.${kind}.cpu_ms_per_page`, value: k.cpu / k.pages, unit: 'ms', n: k.pages });
    }
    return figures;
  } finally {
    await core.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } });
  await scoreDocuments(values.dir ? path.resolve(values.dir) : FIXTURES);
}
