import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contracts } from '../../shared/api/index';
import { err, makeCore, ok, standardAgency, type TestCore } from '../support/core';
import { rowsOf } from '../support/db';
import { decodeChange } from '../../db/audit-codec';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore();
});
afterEach(() => t.close());

describe('API registry', () => {
  it('describes every method with JSON schemas of input and output', () => {
    const list = t.core.describe();
    expect(list.map((m) => m.name).sort()).toEqual(Object.keys(contracts).sort());
    const create = list.find((m) => m.name === 'units.create')!;
    expect(create.input).toMatchObject({ type: 'object', properties: { name: { type: 'string' } } });
    expect(create.output).toMatchObject({ type: 'object', properties: { id: { type: 'number' } } });
  });

  it('unknown methods and non-object input get structured errors', async () => {
    expect(err(await t.core.call('units.drop', {}))).toMatchObject({ code: 'UNKNOWN_METHOD', fields: [] });
    expect(err(await t.core.call('units.create', 'abc'))).toMatchObject({ code: 'VALIDATION', fields: [{ path: '' }] });
    expect(err(await t.core.call('units.create', [1, 2]))).toMatchObject({ code: 'VALIDATION' });
  });

  it('absent input counts as an empty object', async () => {
    expect(ok(await t.core.call('units.list', undefined))).toEqual({ items: [] });
  });

  it('agency: first-run state, update, validation', async () => {
    expect(ok(await t.core.call('agency.get', {}))).toEqual({ configured: false, name: '', parentName: '', abbreviation: '', place: '', organId: '' });
    const e = err(await t.core.call('agency.update', { name: 'Sở X', abbreviation: 'S X', place: '' }));
    expect(e.fields.map((f) => f.path).sort()).toEqual(['abbreviation', 'place']);
    expect(ok(await t.core.call('agency.get', {})).configured).toBe(false);
    const a = ok(await t.core.call('agency.update', { ...standardAgency, abbreviation: 'stnmt' }));
    expect(a).toEqual({ configured: true, ...standardAgency, organId: '' });
  });

  it('records the client address of each call in its audit rows, and none for a call without one', async () => {
    ok(await t.core.call('units.create', { name: 'Phòng A', kind: 'external' }, { clientAddress: '127.0.0.1' }));
    ok(await t.core.call('units.create', { name: 'Phòng B', kind: 'external' }));
    await t.core.batch(async (call) => {
      ok(await call('units.create', { name: 'Phòng C', kind: 'external' }, { clientAddress: '::1' }));
      ok(await call('units.create', { name: 'Phòng D', kind: 'external' }));
    });
    const rows = await rowsOf<{ changes: Buffer | null; client_address: string | null }>(t, "select changes, client_address from audit_log join audit_kinds using (kind) where action = 'units.create' order by id");
    expect(rows.map((r) => [(JSON.parse(decodeChange(r.changes).after_json!) as { name: string }).name, r.client_address])).toEqual([
      ['Phòng A', '127.0.0.1'],
      ['Phòng B', null],
      ['Phòng C', '::1'],
      ['Phòng D', null],
    ]);
  });

  it('emits a change event after a write, not after a read', async () => {
    const seen: string[] = [];
    const off = t.core.onEvent((e) => seen.push(String(e.method)));
    ok(await t.core.call('units.list', {}));
    ok(await t.core.call('units.create', { name: 'UBND tỉnh', kind: 'external' }));
    err(await t.core.call('units.create', { name: '' }));
    off();
    expect(seen).toEqual(['units.create']);
  });

  it('a failure inside a write method rolls back everything it wrote', async () => {
    // The parent check fails after validation passed: nothing of the call may remain.
    const e = err(await t.core.call('units.create', { name: 'Phòng A', abbreviation: 'PA', kind: 'internal', parentId: 42 }));
    expect(e.fields[0]?.path).toBe('parentId');
    expect(ok(await t.core.call('units.list', { includeArchived: true })).items).toEqual([]);
  });
});
