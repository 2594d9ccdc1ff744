import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/api/units';
import { err, makeCore, ok, type TestCore } from '../support/core';
import { countOf } from '../support/db';
import { auditJson } from '../support/audit-history';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2026-03-02T08:00:00Z') });
});
afterEach(() => t.close());

const create = async (input: Record<string, unknown>) => ok(await t.core.call('units.create', input)) as Unit;
const count = (table: string) => countOf(t, table);

describe('units', () => {
  it('creates a unit and returns it with its id', async () => {
    const u = await create({ name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal', email: 'vp@stnmt.langson.gov.vn' });
    expect(u).toMatchObject({ id: expect.any(Number), name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal', archived: false, createdAt: '2026-03-02T08:00:00.000Z' });
  });

  it("keeps an external agency's edXML OrganId on create and update, so later packages find it", async () => {
    const u = await create({ name: 'Sở Nội vụ tỉnh Lạng Sơn', kind: 'external', organId: '000.00.07.H36' });
    expect(u.organId).toBe('000.00.07.H36');
    const changed = ok(await t.core.call('units.update', { id: u.id, organId: '000.00.08.H36' })) as Unit;
    expect(changed).toMatchObject({ organId: '000.00.08.H36', name: 'Sở Nội vụ tỉnh Lạng Sơn' });
    const kept = ok(await t.core.call('units.update', { id: u.id, email: 'snv@langson.gov.vn' })) as Unit;
    expect(kept.organId).toBe('000.00.08.H36');
    const e = err(await t.core.call('units.update', { id: u.id, organId: 'có dấu cách' }));
    expect(e.fields[0]).toMatchObject({ path: 'organId' });
  });

  it('an empty name is a VALIDATION error naming the field, and nothing is written', async () => {
    const e = err(await t.core.call('units.create', { name: '' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toContainEqual({ path: 'name', message: 'Tên đơn vị không được để trống.' });
    expect(e.message).toMatch(/^Dữ liệu không hợp lệ/);
    expect(await count('units')).toBe(0);
    expect(await count('audit_log')).toBe(0);
  });

  it('abbreviations are unique among active internal units only', async () => {
    const vp = await create({ name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' });
    const e = err(await t.core.call('units.create', { name: 'Văn phòng 2', abbreviation: 'Vp', kind: 'internal' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.fields[0]).toMatchObject({ path: 'abbreviation' });
    expect(e.message).toContain('Văn phòng Sở');
    await create({ name: 'Văn phòng UBND tỉnh', abbreviation: 'VP', kind: 'external' });
    ok(await t.core.call('units.archive', { id: vp.id }));
    await create({ name: 'Văn phòng Sở (mới)', abbreviation: 'VP', kind: 'internal' });
    // Restoring the old one would make two active VPs.
    expect(err(await t.core.call('units.restore', { id: vp.id })).code).toBe('CONFLICT');
  });

  it('lists in Vietnamese order within the display order, without archived units by default', async () => {
    for (const [name, abbreviation] of [
      ['Thanh tra Sở', 'TTRA'],
      ['Chi cục Bảo vệ môi trường', 'CCBVMT'],
      ['Phòng Đo đạc và Khoáng sản', 'DDKS'],
      ['Phòng Kế hoạch - Tài nguyên nước', 'KHTNN'],
      ['Ban Quản lý dự án VILG', 'VILG'],
    ]) await create({ name, abbreviation, kind: 'internal', order: 5 });
    const first = await create({ name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal', order: 1 });
    const ext = await create({ name: 'Ủy ban nhân dân tỉnh', kind: 'external' });
    const list = ok(await t.core.call('units.list', { kind: 'internal' }));
    expect(list.items.map((u) => u.name)).toEqual([
      'Văn phòng Sở',
      'Ban Quản lý dự án VILG',
      'Chi cục Bảo vệ môi trường',
      'Phòng Đo đạc và Khoáng sản',
      'Phòng Kế hoạch - Tài nguyên nước',
      'Thanh tra Sở',
    ]);
    expect(first.order).toBe(1);
    expect(err(await t.core.call('units.create', { name: 'X', abbreviation: 'X', kind: 'internal', order: -1 })).fields[0]?.path).toBe('order');
    ok(await t.core.call('units.archive', { id: ext.id }));
    expect(ok(await t.core.call('units.list', { kind: 'external' })).items).toEqual([]);
    expect(ok(await t.core.call('units.list', { kind: 'external', includeArchived: true })).items.map((u) => u.archived)).toEqual([true]);
  });

  it('finds units by name without diacritics, đ included', async () => {
    await create({ name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' });
    await create({ name: 'Thanh tra Sở', abbreviation: 'TTRA', kind: 'internal' });
    const r = ok(await t.core.call('units.list', { q: 'quan ly dat dai' }));
    expect(r.items.map((u) => u.name)).toEqual(['Phòng Quản lý đất đai']);
    expect(ok(await t.core.call('units.list', { q: '100%_' })).items).toEqual([]);
  });

  it('updates fields, refuses a parent loop and a parent of the other kind', async () => {
    const so = await create({ name: 'Chi cục Bảo vệ môi trường', abbreviation: 'CCBVMT', kind: 'internal' });
    const child = await create({ name: 'Phòng Kiểm soát ô nhiễm', abbreviation: 'KSON', kind: 'internal', parentId: so.id });
    expect(child.parentName).toBe('Chi cục Bảo vệ môi trường');
    const loop = err(await t.core.call('units.update', { id: so.id, parentId: child.id }));
    expect(loop.fields[0]).toMatchObject({ path: 'parentId' });
    const ext = await create({ name: 'UBND tỉnh', kind: 'external' });
    expect(err(await t.core.call('units.update', { id: child.id, parentId: ext.id })).fields[0]?.path).toBe('parentId');
    const u = ok(await t.core.call('units.update', { id: child.id, name: 'Phòng Kiểm soát ô nhiễm môi trường', email: '' }));
    expect(u).toMatchObject({ name: 'Phòng Kiểm soát ô nhiễm môi trường', parentId: so.id, email: null });
    expect(err(await t.core.call('units.update', { id: 9999, name: 'x' })).code).toBe('NOT_FOUND');
  });

  it('writes one audit row per change with before and after', async () => {
    const u = await create({ name: 'Thanh tra Sở', abbreviation: 'TT', kind: 'internal' });
    ok(await t.core.call('units.update', { id: u.id, abbreviation: 'TTRA' }));
    ok(await t.core.call('units.archive', { id: u.id }));
    const rows = await auditJson(t, 'true');
    expect(rows.map((r) => r.action)).toEqual(['units.create', 'units.update', 'units.archive']);
    expect(rows[0]!.before_json).toBeNull();
    expect(JSON.parse(rows[1]!.before_json!).abbreviation).toBe('TT');
    expect(JSON.parse(rows[1]!.after_json!).abbreviation).toBe('TTRA');
    expect(JSON.parse(rows[2]!.after_json!).archived_at).not.toBeNull();
  });
});
