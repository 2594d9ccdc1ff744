/** A small office: enough rows that generated ids reach the handlers instead of stopping at NOT_FOUND. */
import type { Core } from '../../electron/core/index';
import { ok, standardAgency } from './core';

export interface Seeded {
  unitId: number;
  otherUnitId: number;
  externalUnitId: number;
  incomingId: number;
  outgoingDraftId: number;
  outgoingIssuedId: number;
  taskId: number;
  procedureId: number;
  tthcId: number;
  dossierId: number;
}

export async function seedOffice(core: Core): Promise<Seeded> {
  ok(await core.call('agency.update', standardAgency));
  const unitId = ok(await core.call('units.create', { name: 'Văn phòng Sở', abbreviation: 'VP', kind: 'internal' })).id;
  const otherUnitId = ok(await core.call('units.create', { name: 'Chi cục Bảo vệ môi trường', abbreviation: 'CCBVMT', kind: 'internal' })).id;
  const externalUnitId = ok(await core.call('units.create', { name: 'UBND tỉnh Lạng Sơn', kind: 'external', email: 'ubnd@langson.gov.vn' })).id;
  const incomingId = ok(
    await core.call('incoming.register', { arrivalDate: '2026-11-20', senderUnitId: externalUnitId, senderName: 'UBND tỉnh Lạng Sơn', notation: '1237/UBND-KT', documentDate: '2026-11-18', subject: 'Về việc báo cáo tình hình quản lý đất đai' }),
  ).id;
  const outgoingDraftId = ok(await core.call('outgoing.createDraft', { documentType: 'BC', subject: 'Báo cáo công tác tháng 11', draftingUnitId: unitId })).id;
  const outgoingIssuedId = ok(await core.call('outgoing.createDraft', { documentType: 'CV', subject: 'Về việc đôn đốc báo cáo', draftingUnitId: unitId })).id;
  ok(await core.call('outgoing.issue', { id: outgoingIssuedId, issueDate: '2026-11-21' }));
  const taskId = ok(await core.call('tasks.create', { content: 'Rà soát hồ sơ cấp giấy chứng nhận', leadUnitId: unitId, sourceIncomingId: incomingId, deadline: '2026-12-15' })).id;
  const procedureId = ok(await core.call('tthc.addProcedure', { name: 'Cấp giấy phép môi trường', field: 'Môi trường', processingDays: 15 })).id;
  const tthcId = ok(
    await core.call('tthc.register', { procedureId, applicantName: 'Công ty TNHH Minh Phát', applicantKind: 'organisation', receivedAt: '2026-11-02', channel: 'online4' }),
  ).id;
  const dossierId = ok(await core.call('dossiers.create', { year: 2026, code: '01.VP', title: 'Hồ sơ hội nghị tổng kết', retention: 'permanent', keeperUnitId: unitId })).id;
  return { unitId, otherUnitId, externalUnitId, incomingId, outgoingDraftId, outgoingIssuedId, taskId, procedureId, tthcId, dossierId };
}
