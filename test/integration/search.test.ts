import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, ok, standardAgency, type TestCore } from '../support/core';

let t: TestCore;
beforeEach(async () => {
  t = await makeCore({ clock: () => new Date('2025-06-10T02:00:00Z') });
  ok(await t.core.call('agency.update', standardAgency));
  const docs = [
    ['448/BC-STNMT', 'Sở Tài nguyên và Môi trường', 'Báo cáo kết quả công tác quản lý đất đai tháng 8'],
    ['56/KH-UBND', 'UBND tỉnh Lạng Sơn', 'Kế hoạch thực hiện Nghị quyết về bảo vệ môi trường'],
    ['1467/STNMT-VP', 'Sở Tài nguyên và Môi trường', 'V/v rà soát hồ sơ cấp giấy chứng nhận'],
    ['12/TB-SNV', 'Sở Nội vụ', 'Thông báo lịch họp giao ban'],
  ];
  for (const [i, [notation, senderName, subject]] of docs.entries()) {
    ok(await t.core.call('incoming.register', { arrivalDate: `2025-05-0${i + 1}`, senderName, notation, documentDate: '2025-04-30', subject }));
  }
});
afterEach(() => t.close());

const find = async (q: string) => ok(await t.core.call('search.global', { q })).hits.map((h) => h.notation);

describe('search.global', () => {
  it('finds Vietnamese text typed without diacritics, đ included', async () => {
    expect(await find('dat dai')).toEqual(['448/BC-STNMT']);
    expect(await find('ĐẤT ĐAI')).toEqual(['448/BC-STNMT']);
    expect(await find('giay chung nhan')).toEqual(['1467/STNMT-VP']);
  });

  it('finds notations whole and in part', async () => {
    expect(await find('448/BC-STNMT')).toEqual(['448/BC-STNMT']);
    expect(await find('BC-STNMT')).toEqual(['448/BC-STNMT']);
    expect(await find('448/BC')).toEqual(['448/BC-STNMT']);
    expect((await find('STNMT')).sort()).toEqual(['1467/STNMT-VP', '448/BC-STNMT']);
  });

  it('finds by sender and by word prefix, and ranks the notation first', async () => {
    expect(await find('noi vu')).toEqual(['12/TB-SNV']);
    expect(await find('giao b')).toEqual(['12/TB-SNV']);
    const hits = ok(await t.core.call('search.global', { q: 'ke hoach' })).hits;
    expect(hits[0]).toMatchObject({ kind: 'incoming', notation: '56/KH-UBND' });
  });

  it('treats FTS syntax in the query as text', async () => {
    expect(await find('"dat" OR NOT *')).toEqual([]);
    expect(await find('---')).toEqual([]);
  });

  it('also finds outgoing documents, and list filters use the same index', async () => {
    const d = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo tình hình đất đai quý II' }));
    ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: '2025-06-09' }));
    const hits = ok(await t.core.call('search.global', { q: 'dat dai' })).hits;
    expect(hits.map((h) => h.kind).sort()).toEqual(['incoming', 'outgoing']);
    const list = ok(await t.core.call('incoming.list', { q: 'dat dai', from: '2025-01-01', to: '2025-12-31' }));
    expect(list.total).toBe(1);
  });
});
