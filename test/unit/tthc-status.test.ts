import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/connection';
import type { TthcStatus } from '../../shared/api/tthc';
import { tthcStatusOf, type TthcStatusFacts } from '../../electron/core/tthc/rules';
import { tthcStore } from '../../electron/core/tthc/store';
import { tempDir } from '../support/core';

// Due 26/1/2026. Each case: the dossier's dates, the day it is seen on, and its status then in the list
// (every recorded result or withdrawal counts) and in the figures of a period ending that day.
const DUE = '2026-01-26';
type Case = [string, { received?: string; result?: string; withdrawn?: string }, string, TthcStatus, TthcStatus];
const cases: Case[] = [
  ['open, seen before the due date', {}, '2026-01-20', 'in_progress', 'in_progress'],
  ['open, seen on the due date', {}, DUE, 'in_progress', 'in_progress'],
  ['open, seen after the due date', {}, '2026-01-27', 'in_progress_late', 'in_progress_late'],
  ['solved before the due date', { result: '2026-01-22' }, '2026-02-10', 'solved_on_time', 'solved_on_time'],
  ['solved on the due date', { result: DUE }, '2026-02-10', 'solved_on_time', 'solved_on_time'],
  ['solved after the due date', { result: '2026-01-28' }, '2026-02-10', 'solved_late', 'solved_late'],
  ['withdrawn', { withdrawn: '2026-01-15' }, '2026-02-10', 'withdrawn', 'withdrawn'],
  ['solved after the day seen, before due', { result: '2026-01-25' }, '2026-01-20', 'solved_on_time', 'in_progress'],
  ['solved late after the day seen, itself past due', { result: '2026-02-05' }, '2026-01-30', 'solved_late', 'in_progress_late'],
  ['withdrawn after the day seen', { withdrawn: '2026-01-25' }, '2026-01-20', 'withdrawn', 'in_progress'],
  ['carried over from last year, still open', { received: '2025-12-29' }, '2026-01-27', 'in_progress_late', 'in_progress_late'],
  ['carried over, solved in the period', { received: '2025-12-29', result: '2026-01-10' }, '2026-01-27', 'solved_on_time', 'solved_on_time'],
];
const FROM = '2026-01-01';
const figure: Record<TthcStatus, 'solvedOnTime' | 'solvedLate' | 'inProgressOnTime' | 'inProgressLate' | 'withdrawn'> = {
  solved_on_time: 'solvedOnTime',
  solved_late: 'solvedLate',
  in_progress: 'inProgressOnTime',
  in_progress_late: 'inProgressLate',
  withdrawn: 'withdrawn',
};

let opened: OpenedDatabase;
let store: ReturnType<typeof tthcStore>;
let procedureId: number;

beforeAll(async () => {
  opened = await openDatabase(':memory:', { backupDir: path.join(tempDir(), 'backups') });
  store = tthcStore({ db: opened.db, engine: 'sqlite' });
  procedureId = await store.insertProcedure({ code: null, name: 'Cấp giấy phép', field: 'Môi trường', processingDays: 15, fee: null }, 'x');
});
afterAll(() => opened.close());

describe('TTHC status: the TypeScript rule and the store\'s SQL agree', () => {
  it.each(cases)('%s', async (name, dates, day, list, period) => {
    await opened.db.deleteFrom('tthc_dossiers').execute();
    const facts: TthcStatusFacts = { due_date: DUE, result_date: dates.result ?? null, withdrawn_at: dates.withdrawn ?? null };
    expect(tthcStatusOf(facts, { asOf: day, doneBy: null })).toBe(list);
    expect(tthcStatusOf(facts, { asOf: day, doneBy: day })).toBe(period);
    const id = await store.insert(
      { code: name, procedureId, applicantName: 'Công ty A', applicantKind: 'organisation', applicantAddress: null, applicantPhone: null, receivedAt: dates.received ?? '2026-01-05', channel: 'direct', handlingUnitId: null, dueDate: DUE, note: null },
      '2026-01-05T02:00:00.000Z',
    );
    if (dates.result || dates.withdrawn) await store.keepImported(id, { ...(dates.result ? { resultDate: dates.result } : {}), ...(dates.withdrawn ? { withdrawnAt: dates.withdrawn } : {}) });
    // The list computes the status in TypeScript and filters by the SQL: the dossier is found under its status only.
    expect((await store.get(id, day))?.status).toBe(list);
    const pages = { limit: 500, offset: 0 };
    for (const s of Object.keys(figure) as TthcStatus[]) {
      const found = (await store.list({ status: s }, day, pages)).items.some((d) => d.id === id);
      expect(found, `${s} in the list seen on ${day}`).toBe(s === list);
    }
    // The figures of the period ending that day count it once, under its status then.
    const stats = await store.stats(FROM, day);
    for (const [s, key] of Object.entries(figure)) expect(stats[key], key).toBe(s === period ? 1 : 0);
    expect(stats.received + stats.carriedOver).toBe(1);
  });
});
