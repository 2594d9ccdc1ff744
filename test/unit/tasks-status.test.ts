import { describe, expect, it } from 'vitest';
import { describeRecurrence, occurrenceHorizon, occurrencesBetween, parseRecurrence } from '../../shared/tasks/recurrence';
import { dueSoonUntil, taskStatus, type StatusFacts } from '../../electron/core/tasks/rules';
import type { TaskStatus } from '../../shared/tasks/status';
import { addWorkingDays, calendarOf, defaultCalendar, isWorkingDay, workingDaysBetween } from '../../shared/workdays';

// Wednesday. Three working days ahead is Monday 2026-11-30.
const TODAY = '2026-11-25';
const cal = defaultCalendar(2025, 2027);
const soon = dueSoonUntil(TODAY, 3, cal);

describe('status from dates and today (today 25/11/2026, due soon = within 3 working days)', () => {
  const cases: [string, StatusFacts, TaskStatus][] = [
    ['no deadline, open', { state: 'active', due: null, completedAt: null }, 'not_due'],
    ['due next month', { state: 'active', due: '2026-12-31', completedAt: null }, 'not_due'],
    ['due today', { state: 'active', due: '2026-11-25', completedAt: null }, 'due_soon'],
    ['due Monday, 3 working days on', { state: 'active', due: '2026-11-30', completedAt: null }, 'due_soon'],
    ['due Tuesday, 4 working days on', { state: 'active', due: '2026-12-01', completedAt: null }, 'not_due'],
    ['due yesterday', { state: 'active', due: '2026-11-24', completedAt: null }, 'overdue'],
    ['done before the deadline', { state: 'active', due: '2026-11-20', completedAt: '2026-11-19' }, 'done_on_time'],
    ['done on the deadline', { state: 'active', due: '2026-11-20', completedAt: '2026-11-20' }, 'done_on_time'],
    ['done after the deadline', { state: 'active', due: '2026-11-20', completedAt: '2026-11-23' }, 'done_late'],
    ['done, no deadline', { state: 'active', due: null, completedAt: '2026-11-23' }, 'done_on_time'],
    ['paused and past due', { state: 'paused', due: '2026-11-01', completedAt: null }, 'paused'],
    ['paused but done earlier', { state: 'paused', due: '2026-11-01', completedAt: '2026-10-30' }, 'done_on_time'],
    ['cancelled', { state: 'cancelled', due: '2026-11-01', completedAt: null }, 'cancelled'],
    ['cancelled after done', { state: 'cancelled', due: '2026-11-01', completedAt: '2026-10-01' }, 'cancelled'],
  ];
  it.each(cases)('%s', (_name, facts, expected) => {
    expect(soon).toBe('2026-11-30');
    expect(taskStatus(facts, TODAY, soon)).toBe(expected);
  });
});

describe('working days', () => {
  it.each([
    ['2026-11-25', 3, '2026-11-30'],
    ['2026-11-27', 1, '2026-11-30'],
    ['2026-04-29', 1, '2026-05-04'], // 30/4 and 1/5 off, then the weekend
    ['2026-08-31', 1, '2026-09-03'], // 1/9 and 2/9 off
    ['2026-12-31', 1, '2027-01-04'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n, cal)).toBe(expected);
  });

  it('counts working days between two dates, and honours make-up Saturdays', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-30', cal)).toBe(6);
    expect(workingDaysBetween('2026-11-30', '2026-11-20', cal)).toBe(-6);
    const withMakeUp = calendarOf(['2026-11-23'], ['2026-11-28']);
    expect(isWorkingDay('2026-11-23', withMakeUp)).toBe(false);
    expect(isWorkingDay('2026-11-28', withMakeUp)).toBe(true);
    expect(workingDaysBetween('2026-11-20', '2026-11-30', withMakeUp)).toBe(6);
  });
});

describe('recurrence read from the time text', () => {
  it.each([
    ['hàng năm trước 30/11', [{ freq: 'yearly', day: 30, month: 11 }], false],
    ['Định kỳ 6 tháng trước 25/6 và hàng năm trước 31/12', [{ freq: 'semiannual', day: 25, month: 6 }, { freq: 'yearly', day: 31, month: 12 }], false],
    ['Năm 2022 và hàng năm', [{ freq: 'yearly', day: 31, month: 12 }], false],
    ['Hằng quý', [{ freq: 'quarterly', day: null }], false],
    ['Hàng quý, trước ngày 20', [{ freq: 'quarterly', day: 20 }], false],
    ['Hàng tháng ngày 25', [{ freq: 'monthly', day: 25 }], false],
    ['Thường xuyên', [], true],
  ])('%s', (text, rules, continuous) => {
    expect(parseRecurrence(text)).toEqual({ rules, continuous });
  });

  it('gives nothing for a one-off time text', () => {
    expect(parseRecurrence('Trước 30/6/2022')).toBeNull();
    expect(parseRecurrence('')).toBeNull();
  });
});

describe('occurrences, one per period', () => {
  const keys = (text: string, from: string, to: string) =>
    occurrencesBetween(parseRecurrence(text)!, from, to).map((o) => `${o.periodKey}@${o.due}`);

  it.each([
    ['hàng năm trước 30/11', '2022-01-01', '2024-12-31', ['2022@2022-11-30', '2023@2023-11-30', '2024@2024-11-30']],
    ['định kỳ 6 tháng trước 25/6 và hàng năm trước 31/12', '2022-01-01', '2023-06-30', ['2022-H1@2022-06-25', '2022@2022-12-31', '2023-H1@2023-06-25']],
    ['định kỳ 6 tháng trước ngày 15/6', '2024-01-01', '2024-12-31', ['2024-H1@2024-06-15', '2024-H2@2024-12-15']],
    ['hàng quý', '2024-01-01', '2024-12-31', ['2024-Q1@2024-03-31', '2024-Q2@2024-06-30', '2024-Q3@2024-09-30', '2024-Q4@2024-12-31']],
    ['hàng tháng ngày 31', '2024-01-01', '2024-03-31', ['2024-01@2024-01-31', '2024-02@2024-02-29', '2024-03@2024-03-31']],
    ['thường xuyên', '2024-01-01', '2024-12-31', []],
    ['hàng năm trước 30/11', '2024-12-01', '2025-11-29', []],
  ])('%s from %s to %s', (text, from, to, expected) => {
    expect(keys(text, from, to)).toEqual(expected);
  });

  it('labels periods in Vietnamese and reads the rules back', () => {
    const occ = occurrencesBetween(parseRecurrence('hàng quý')!, '2024-07-01', '2024-09-30');
    expect(occ[0]!.periodLabel).toBe('Quý III/2024');
    expect(describeRecurrence(parseRecurrence('Thường xuyên; 6 tháng trước 25/6 và hàng năm trước 31/12')!)).toBe(
      'Thường xuyên; 6 tháng trước 25/6; Hàng năm trước 31/12',
    );
    expect(occurrenceHorizon('2026-11-25')).toBe('2027-12-31');
  });
});
