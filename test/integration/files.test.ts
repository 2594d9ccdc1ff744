import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/index';
import { err, ok, tempDir } from '../support/core';

describe('files.savePath', () => {
  it('in the browser shell: a free name in the exports folder and its download path', async () => {
    const dir = tempDir();
    const core = await createCore({ dbPath: path.join(dir, 'a.sqlite') });
    const a = ok(await core.call('files.savePath', { fileName: 'Sổ đến.xlsx' }));
    expect(a).toEqual({ path: path.join(dir, 'exports', 'Sổ đến.xlsx'), downloadPath: `/api/files/exports/${encodeURIComponent('Sổ đến.xlsx')}` });
    fs.writeFileSync(a.path!, 'x');
    expect(ok(await core.call('files.savePath', { fileName: 'Sổ đến.xlsx' })).path).toBe(path.join(dir, 'exports', 'Sổ đến (2).xlsx'));
    expect(core.exportFile('Sổ đến.xlsx')).toBe(a.path);
    expect(core.exportFile('../a.sqlite')).toBeNull();
    expect(err(await core.call('files.savePath', { fileName: '../x.xlsx' })).fields[0]?.path).toBe('fileName');
    await core.close();
  });

  it('in the desktop shell: the save dialog decides, and a cancel is null', async () => {
    const dir = tempDir();
    const answers = [path.join(dir, 'chosen.docx'), null];
    const core = await createCore({ dbPath: path.join(dir, 'a.sqlite'), host: { chooseSavePath: async () => answers.shift() ?? null } });
    expect(ok(await core.call('files.savePath', { fileName: 'x.docx' }))).toEqual({ path: path.join(dir, 'chosen.docx'), downloadPath: null });
    expect(ok(await core.call('files.savePath', { fileName: 'x.docx' }))).toEqual({ path: null, downloadPath: null });
    await core.close();
  });
});
