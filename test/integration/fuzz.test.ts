/**
 * Every API method fuzzed from inputs its schema accepts: valid inputs are
 * generated from the zod input schema (and checked against it), sent, then
 * broken one field at a time (missing, wrong type, too long, out of range)
 * and sent again. Never INTERNAL; a refused input is VALIDATION naming the
 * broken field; and whatever fails, or only reads, leaves every row of every
 * table as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contracts, errorCodes, type MethodName } from '../../shared/api/index';
import { makeCore, ok, tempDir, type TestCore } from '../support/core';
import { seedOffice } from '../support/seed';
import { changedTables, tableReader, type TableReader } from '../support/tables';
import { breakOneField, valid } from '../support/zod-arbitrary';

const VALID_PER_METHOD = 8;
const SEED = 20261125;
const clock = () => new Date('2026-11-25T09:00:00+07:00');

// Both switch on sign-in for every later call, so each runs on a database of its own.
const ownDatabase: readonly MethodName[] = ['auth.setupAdmin', 'users.create'];
/** Methods left out, with the reason (printed). */
const excluded: Partial<Record<MethodName, string>> = {};
const methods = (Object.keys(contracts) as MethodName[]).filter((m) => !(m in excluded));

interface Figures {
  inputs: number;
  accepted: number;
  refused: number;
  succeeded: number;
}
const figures = new Map<MethodName, Figures>();

interface Target {
  t: TestCore;
  tables: TableReader;
  session: string | null;
}

async function target(setup?: (t: TestCore) => Promise<string | null>): Promise<Target> {
  const t = await makeCore({ clock });
  await seedOffice(t.core);
  const session = setup ? await setup(t) : null;
  return { t, tables: tableReader(t), session };
}

const admin = { username: 'quantri', fullName: 'Quản trị hệ thống', password: 'mat-khau-quan-tri-2026' };
let shared: Target;
const fresh: Target[] = [];
const sandbox = tempDir('vanthu-fuzz-files-');

beforeAll(async () => {
  shared = await target();
});
afterAll(async () => {
  for (const x of [shared, ...fresh]) {
    await x.tables.close();
    await x.t.close();
  }
  for (const [method, f] of figures) console.log(JSON.stringify({ fuzz: { method, ...f } }));
  const total = [...figures.values()].reduce((a, f) => ({ inputs: a.inputs + f.inputs, accepted: a.accepted + f.accepted, refused: a.refused + f.refused }), { inputs: 0, accepted: 0, refused: 0 });
  console.log(JSON.stringify({ fuzz: { methods: figures.size, ...total, excluded } }));
});

async function on(method: MethodName): Promise<Target> {
  if (!ownDatabase.includes(method)) return shared;
  const x =
    method === 'users.create'
      ? await target(async (t) => {
          ok(await t.core.call('auth.setupAdmin', admin));
          return ok(await t.core.call('auth.login', { username: admin.username, password: admin.password })).session;
        })
      : await target();
  fresh.push(x);
  return x;
}

describe('fuzzing every API method from its schema', () => {
  it.each(methods)('%s: valid inputs answered, each broken field refused by name, nothing written on failure', async (method) => {
    const contract = contracts[method];
    const mode = contract.mode ?? 'write';
    const { t, tables, session } = await on(method);
    const f: Figures = { inputs: 0, accepted: 0, refused: 0, succeeded: 0 };
    figures.set(method, f);
    const files = path.join(sandbox, method);
    fs.mkdirSync(files);
    const accepted = fc.sample(valid(contract.input, { sandbox: files }), { numRuns: VALID_PER_METHOD, seed: SEED });

    const send = async (input: unknown) => {
      f.inputs++;
      const before = await tables.snapshot();
      const r = await t.core.call(method, input, { session });
      if (!r.ok) {
        expect(errorCodes).toContain(r.error.code);
        expect(r.error.code, `${method} ${JSON.stringify(input).slice(0, 300)}: ${r.error.message}`).not.toBe('INTERNAL');
        expect(r.error.message.length).toBeGreaterThan(0);
      }
      // auth.login records a failed attempt on purpose (there are no users to fail against here, though).
      if ((!r.ok || mode === 'read') && method !== 'auth.login') {
        expect(changedTables(before, await tables.snapshot()), `${method} ${r.ok ? 'read' : r.error.code} wrote`).toEqual([]);
      }
      return r;
    };

    for (const input of accepted) {
      expect(contract.input.safeParse(input).success).toBe(true);
      f.accepted++;
      const r = await send(input);
      if (r.ok) f.succeeded++;
    }
    const objects = accepted.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
    for (const input of objects.slice(0, 2)) {
      for (const broken of breakOneField(contract.input, input)) {
        expect(contract.input.safeParse(broken.input).success, `${broken.field} ${broken.how}`).toBe(false);
        f.refused++;
        const r = await send(broken.input);
        expect(r.ok, `${method}: ${broken.field} ${broken.how} was accepted`).toBe(false);
        if (r.ok) continue;
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields.map((x) => x.path.split('.')[0]), `${broken.field} ${broken.how}: ${r.error.message}`).toContain(broken.field);
      }
    }
    expect(f.accepted).toBe(accepted.length);
  });
});
