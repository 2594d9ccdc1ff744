/**
 * The stores rule on the project's real ESLint configuration: the registry
 * and the moved handlers may not touch the database handle or the query
 * builder, their stores may; and the core imports nothing of the demo
 * generators, which now live in scripts/demo/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? '');
}

const query = "import type { CallContext } from '../context';\nexport const f = (ctx: CallContext) => ctx.db.selectFrom('users').selectAll().execute();\n";
const transaction = "import type { CallContext } from './context';\nexport const f = (ctx: CallContext) => ctx.db.transaction().execute(async () => 1);\n";

describe('SQL only in stores', () => {
  // Loading the configuration (typescript-eslint) takes seconds on a busy machine: once, before the cases.
  beforeAll(() => ruleErrors('electron/core/x.ts', 'export const a = 1;\n'), 60_000);

  it.each([
    ['electron/core/registry.ts', transaction],
    ['electron/core/auth/handlers.ts', query],
    ['electron/core/auth/sign-in.ts', query],
    ['electron/core/audit/handlers.ts', query],
    ['electron/core/backup/handlers.ts', query],
    ['electron/core/trash/handlers.ts', query],
    ['electron/core/templates/handlers.ts', query],
    ['electron/core/trash/handlers.ts', "import { sql } from 'kysely';\nexport const a = sql`select 1`;\n"],
  ])('%s may not hold SQL', async (file, code) => {
    const errors = await ruleErrors(file, code);
    expect(errors.some((r) => r === 'no-restricted-syntax' || r === '@typescript-eslint/no-restricted-imports')).toBe(true);
  });

  it.each(['electron/core/auth/store.ts', 'electron/core/requests/store.ts', 'electron/core/trash/store.ts'])('%s may', async (file) => {
    expect(await ruleErrors(file, "import type { StoreHandle } from '../stores';\nexport const s = (h: StoreHandle) => h.db.selectFrom('users').selectAll().execute();\n")).toEqual([]);
  });

  it('the core imports nothing from scripts/ (the demo generators left it)', () => {
    const root = path.resolve('electron/core');
    const offending = (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => path.join(e.parentPath, e.name))
      .filter((f) => /from '(\.\.\/)+scripts\//.test(fs.readFileSync(f, 'utf8')) || /demo/.test(path.basename(f)));
    expect(offending).toEqual([]);
  });
});
