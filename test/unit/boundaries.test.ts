/**
 * The layer rules are enforced by `npm run lint` (and by tsconfig references
 * in `npm run typecheck`); this shows that a violation fails and a clean file
 * passes, on the project's real ESLint configuration.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it.each([
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n", 'no-restricted-imports'],
    ['shared/x.ts', "import path from 'path';\nexport const a = path;\n", 'no-restricted-imports'],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
    ['shared/x.ts', 'export const a = () => document.title;\n', 'no-restricted-globals'],
    ['shared/x.ts', 'export const a = () => window.location.href;\n', 'no-restricted-globals'],
    ['shared/x.ts', "import { openDatabase } from '../db/connection';\nexport const a = openDatabase;\n", 'no-restricted-imports'],
    ['renderer/src/x.ts', "import { openDatabase } from '../../db/connection';\nexport const a = openDatabase;\n", 'no-restricted-imports'],
    ['renderer/src/x.ts', "import { createCore } from '../../electron/core/index';\nexport const a = createCore;\n", 'no-restricted-imports'],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n", 'no-restricted-imports'],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n", 'no-restricted-imports'],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n", 'no-restricted-imports'],
    ['db/x.ts', "import { BrowserWindow } from 'electron';\nexport const a = BrowserWindow;\n", 'no-restricted-imports'],
    ['electron/web/x.ts', "import { registerIpc } from '../desktop/ipc';\nexport const a = registerIpc;\n", 'no-restricted-imports'],
    ['electron/core/x.ts', "import { App } from '../../renderer/src/app/App';\nexport const a = App;\n", 'no-restricted-imports'],
  ])('%s: %s fails with %s', async (file, code, rule) => {
    const errors = await errorsFor(file, code);
    expect(errors.some((e) => e.startsWith(`${rule}:`))).toBe(true);
  });

  it.each([
    ['shared/x.ts', "import { foldVietnamese } from './text';\nexport const a = foldVietnamese;\n"],
    ['renderer/src/x.ts', "import { contracts } from '../../shared/api/index';\nexport const a = contracts;\n"],
    ['electron/core/x.ts', "import fs from 'node:fs';\nimport { openDatabase } from '../../db/connection';\nexport const a = [fs, openDatabase];\n"],
    ['electron/desktop/x.ts', "import { app } from 'electron';\nimport { createCore } from '../core/index';\nexport const a = [app, createCore];\n"],
  ])('%s: allowed imports pass', async (file, code) => {
    expect(await errorsFor(file, code)).toEqual([]);
  });

  it('forbids any and ts-ignore in new code', async () => {
    const errors = await errorsFor('electron/core/x.ts', '// @ts-ignore\nexport const a: any = 1;\n');
    expect(errors.some((e) => e.startsWith('@typescript-eslint/no-explicit-any'))).toBe(true);
    expect(errors.some((e) => e.startsWith('@typescript-eslint/ban-ts-comment'))).toBe(true);
  });
});
