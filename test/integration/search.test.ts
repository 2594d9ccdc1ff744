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

  it('puts the newest first among equally good matches, keeping better matches above them', async () => {
    for (const [arrivalDate, notation, subject] of [
      ['2025-03-01', '5/SNV-TCCB', 'Thông báo tuyển dụng công chức'],
      ['2025-06-01', '7/SNV-TCCB', 'Công văn về kỷ luật'],
      ['2025-01-15', '2/SNV-TCCB', 'Thông báo thi nâng ngạch'],
    ]) ok(await t.core.call('incoming.register', { arrivalDate, senderName: 'Sở Nội vụ', notation, documentDate: arrivalDate, subject }));
    // "thong bao" in the subject beats the sender-only ones; among subject matches the newest first.
    const hits = ok(await t.core.call('search.global', { q: 'thong bao' })).hits;
    expect(hits.map((h) => h.notation)).toEqual(['12/TB-SNV', '5/SNV-TCCB', '2/SNV-TCCB']);
    // Only the sender matches: newest arrival first, whatever the order of registration.
    expect(await find('noi vu')).toEqual(['7/SNV-TCCB', '12/TB-SNV', '5/SNV-TCCB', '2/SNV-TCCB']);
    // A notation match still comes before the newer documents matching only by sender.
    expect((await find('snv tccb 2'))[0]).toBe('2/SNV-TCCB');
  });

  it('counts every match beyond the limit, by register', async () => {
    const d = ok(await t.core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo môi trường' }));
    ok(await t.core.call('outgoing.issue', { id: d.id, issueDate: '2025-06-09' }));
    const r = ok(await t.core.call('search.global', { q: 'moi truong', limit: 1 }));
    expect(r.hits).toHaveLength(1);
    expect(r.totals).toEqual({ incoming: 3, outgoing: 1 });
    expect(r.total).toBe(4);
    // The same query opens the same documents in the filtered list ("xem tất cả").
    expect(ok(await t.core.call('incoming.list', { q: 'moi truong' })).total).toBe(3);
  });

  it('counts and shows only what the user may see', async () => {
    const unit = ok(await t.core.call('units.create', { name: 'Phòng Quản lý đất đai', abbreviation: 'QLĐĐ', kind: 'internal' })).id;
    const hidden = ok(await t.core.call('incoming.register', { arrivalDate: '2025-06-02', senderName: 'Bộ Chỉ huy', notation: '9/BCH-TM', documentDate: '2025-06-01', subject: 'Kế hoạch môi trường mật', secrecy: 'mat' })).id;
    const password = 'mat-khau-can-bo-2026';
    ok(await t.core.call('auth.setupAdmin', { username: 'quantri', fullName: 'Quản trị', password }));
    const adminSession = ok(await t.core.call('auth.login', { username: 'quantri', password })).session;
    ok(await t.core.call('users.create', { username: 'vanthu', password, fullName: 'Văn thư', role: 'clerk' }, { session: adminSession }));
    ok(await t.core.call('users.create', { username: 'cv', password, fullName: 'Chuyên viên', role: 'officer', unitId: unit }, { session: adminSession }));
    const search = async (username: string) => {
      const session = ok(await t.core.call('auth.login', { username, password })).session;
      return ok(await t.core.call('search.global', { q: 'moi truong' }, { session }));
    };
    const clerk = await search('vanthu');
    expect(clerk.totals.incoming).toBe(3);
    expect(clerk.hits.map((h) => h.id)).not.toContain(hidden);
    const admin = await search('quantri');
    expect(admin.totals.incoming).toBe(4);
    expect(admin.hits.map((h) => h.id)).toContain(hidden);
    expect((await search('cv')).total).toBe(0);
  });

  it('understands abbreviations: the common ones, the agency\'s and the units\'', async () => {
    ok(await t.core.call('units.create', { name: 'Ủy ban nhân dân tỉnh Lạng Sơn', kind: 'external' }));
    ok(await t.core.call('units.create', { name: 'Sở Giáo dục và Đào tạo', abbreviation: 'SGDĐT', kind: 'external' }));
    ok(await t.core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' }));
    const reg = (notation: string, senderName: string, subject: string) =>
      t.core.call('incoming.register', { arrivalDate: '2025-06-03', senderName, notation, documentDate: '2025-06-01', subject });
    ok(await reg('88/QĐ-UBND', 'Ủy ban nhân dân tỉnh Lạng Sơn', 'Quyết định giao chỉ tiêu'));
    ok(await reg('9/KH-SGDĐT', 'Sở Giáo dục và Đào tạo', 'Kế hoạch năm học'));
    ok(await reg('10/CV-SKHĐT', 'Sở Kế hoạch và Đầu tư', 'Công văn về vốn đầu tư công'));
    // "ubnd" is the notation's UBND and the sender's "Ủy ban nhân dân".
    expect((await find('ubnd')).sort()).toEqual(['56/KH-UBND', '88/QĐ-UBND']);
    expect(await find('ubnd lang son')).toContain('88/QĐ-UBND');
    // The agency's own abbreviation (STNMT), the common TN&MT written any way, with or without "Sở".
    for (const q of ['stnmt', 'sở tn&mt', 'TN-MT']) expect((await find(q)).sort()).toEqual(['1467/STNMT-VP', '448/BC-STNMT']);
    expect(await find('skh&đt')).toEqual(['10/CV-SKHĐT']);
    expect(await find('kh&dt')).toEqual(['10/CV-SKHĐT']);
    // A unit's abbreviation stands for its name.
    expect(await find('gd&đt')).toEqual(['9/KH-SGDĐT']);
    // The list opened by "xem tất cả" understands them alike.
    expect(ok(await t.core.call('incoming.list', { q: 'ubnd' })).total).toBe(2);
    expect(ok(await t.core.call('incoming.list', { sender: 'stnmt' })).total).toBe(2);
  });

  it('suggests senders for an abbreviation', async () => {
    ok(await t.core.call('units.create', { name: 'Ủy ban nhân dân huyện Cao Lộc', kind: 'external' }));
    const senders = async (q: string) => ok(await t.core.call('incoming.senders', { q })).items.map((i) => i.name).sort();
    expect(await senders('ubnd')).toEqual(['UBND tỉnh Lạng Sơn', 'Ủy ban nhân dân huyện Cao Lộc']);
    expect(await senders('ubnd huyen cao')).toEqual(['Ủy ban nhân dân huyện Cao Lộc']);
    expect(await senders('stnmt')).toEqual(['Sở Tài nguyên và Môi trường']);
    expect(await senders('sở tn&mt')).toEqual(['Sở Tài nguyên và Môi trường']);
  });
});
