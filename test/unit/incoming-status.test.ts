import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/connection';
import { storedAt } from '../../db/instant';
import type { IncomingTable } from '../../db/schema';
import { incomingStatuses, type IncomingStatus } from '../../shared/documents/fields';
import { incomingAccess } from '../../electron/core/access/index';
import { incomingStatus, type IncomingDates } from '../../electron/core/incoming/rules';
import { makeStores, type Stores } from '../../electron/core/stores';
import { tempDir } from '../support/core';

// The status is computed in TypeScript for each document shown and in SQL for
// the list's filter and counts: both are read off rules.ts, and must agree.
const TODAY = '2026-11-25';
const cases: [string, IncomingDates, IncomingStatus][] = [
  ['open, no deadline, not given to anyone', { deadline: null, completedAt: null, leadUnitId: null, assignedAt: null }, 'unassigned'],
  ['open, no deadline, a lead unit', { deadline: null, completedAt: null, leadUnitId: 1, assignedAt: '2026-11-20T02:00:00.000Z' }, 'in_progress'],
  ['open, directed without a unit', { deadline: null, completedAt: null, leadUnitId: null, assignedAt: '2026-11-20T02:00:00.000Z' }, 'in_progress'],
  ['open, due tomorrow, not given', { deadline: '2026-11-26', completedAt: null, leadUnitId: null, assignedAt: null }, 'unassigned'],
  ['open, due today, a lead unit', { deadline: TODAY, completedAt: null, leadUnitId: 1, assignedAt: null }, 'in_progress'],
  ['open, due yesterday, not given', { deadline: '2026-11-24', completedAt: null, leadUnitId: null, assignedAt: null }, 'overdue'],
  ['open, due yesterday, a lead unit', { deadline: '2026-11-24', completedAt: null, leadUnitId: 1, assignedAt: '2026-11-01T02:00:00.000Z' }, 'overdue'],
  ['done before the deadline', { deadline: '2026-11-20', completedAt: '2026-11-19', leadUnitId: 1, assignedAt: null }, 'done_on_time'],
  ['done on the deadline', { deadline: '2026-11-20', completedAt: '2026-11-20', leadUnitId: 1, assignedAt: null }, 'done_on_time'],
  ['done after the deadline', { deadline: '2026-11-20', completedAt: '2026-11-23', leadUnitId: 1, assignedAt: null }, 'done_late'],
  ['done late, deadline still ahead of today', { deadline: '2026-12-01', completedAt: '2026-12-02', leadUnitId: null, assignedAt: null }, 'done_late'],
  ['done, no deadline', { deadline: null, completedAt: '2026-11-23', leadUnitId: null, assignedAt: null }, 'done'],
];

let opened: OpenedDatabase;
let stores: Stores;
const ids = new Map<string, number>();

beforeAll(async () => {
  // A new database is never backed up; the folder is only named.
  opened = await openDatabase(':memory:', { backupDir: path.join(tempDir(), 'backups') });
  stores = makeStores({ db: opened.db, engine: 'sqlite' });
  const now = '2026-11-01T02:00:00.000Z';
  const unit = await stores.units.insert({ name: 'Văn phòng', name_fold: 'van phong', abbreviation: 'VP', kind: 'internal', parent_id: null, email: null, organ_id: null, sort_order: 0, created_at: now, updated_at: now, archived_at: null });
  const register = await stores.registers.first('incoming', false);
  let n = 0;
  for (const [name, d] of cases) {
    const row: Omit<IncomingTable, 'id'> = {
      register_id: register!.id, year: 2026, arrival_number: ++n, arrival_date: '2026-11-01', sender_unit_id: null, sender_name: 'Sở Tài chính', sender_fold: 'so tai chinh',
      notation: null, notation_key: null, document_number: null, document_type: null, document_date: null, subject: name, signer_name: null, urgency: null, secrecy: null,
      pages: null, received_via: null, recipient_text: null, transfer_date: null, instruction: null, lead_unit_id: d.leadUnitId === null ? null : unit, deadline: d.deadline,
      assigned_at: d.assignedAt ? storedAt(d.assignedAt) : null, completed_at: d.completedAt, reply_outgoing_id: null, note: null, created_at: storedAt(now), updated_at: storedAt(now), recognised_text: null, deleted_at: null,
    };
    ids.set(name, await stores.incoming.insert(row));
  }
});

afterAll(async () => {
  await opened.close();
});

/** The statuses whose SQL filter (the store's, as incoming.list uses it) holds the document. */
async function sqlStatuses(id: number): Promise<IncomingStatus[]> {
  const found: IncomingStatus[] = [];
  for (const status of incomingStatuses) {
    const filter = { from: '2026-01-01', to: '2026-12-31', registerIds: null, senderFold: null, documentType: null, unitId: null, status, urgency: null, secrecy: null, access: incomingAccess(null), qFold: null, today: TODAY };
    const rows = await stores.incoming.list(filter, 'i.arrival_date', 'asc', { limit: 100, offset: 0 });
    if (rows.some((r) => r.id === id)) found.push(status);
  }
  return found;
}

describe('incoming status: one rule, in TypeScript and in SQL (today 25/11/2026)', () => {
  it.each(cases)('%s', async (name, dates, expected) => {
    expect(incomingStatus(dates, TODAY)).toBe(expected);
    // Exactly one status holds in SQL, the same one.
    expect(await sqlStatuses(ids.get(name)!)).toEqual([expected]);
  });

  it('the counts by status add up to every document', async () => {
    let total = 0;
    for (const status of incomingStatuses) {
      total += await stores.incoming.count({ from: '2026-01-01', to: '2026-12-31', registerIds: null, senderFold: null, documentType: null, unitId: null, status, urgency: null, secrecy: null, access: incomingAccess(null), qFold: null, today: TODAY });
    }
    expect(total).toBe(cases.length);
  });
});
