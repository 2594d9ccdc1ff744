import { describe, expect, it } from 'vitest';
import { checkMigrations, migrations, type Migration } from '../../db/migrations/index';

const step = (version: number, name = `m${version}`): Migration => ({ version, name, up: () => Promise.resolve() });

describe('the migration list', () => {
  it('accepts the shipped list and any strictly increasing one', () => {
    expect(() => checkMigrations(migrations)).not.toThrow();
    expect(() => checkMigrations([step(1), step(2), step(5)])).not.toThrow();
  });

  it('refuses a repeated, decreasing, zero or fractional version, naming it', () => {
    expect(() => checkMigrations([step(1), step(2), step(2, 'lap-lai')])).toThrow(/phiên bản 2 \("lap-lai"\) phải là số nguyên lớn hơn phiên bản trước nó \(2\)/);
    expect(() => checkMigrations([...migrations, step(2, 'lui')])).toThrow(/"lui"/);
    expect(() => checkMigrations([step(0)])).toThrow(/phiên bản 0/);
    expect(() => checkMigrations([step(1), step(1.5)])).toThrow(/phiên bản 1.5/);
  });
});
