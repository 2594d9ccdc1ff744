/** Where exports go: the desktop asks the user; the browser shell writes to the exports folder and downloads. */
import fs from 'node:fs';
import path from 'node:path';
import type { HandlerMap } from './context';

export function exportsDir(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

export const filesHandlers: HandlerMap<'files.savePath'> = {
  'files.savePath': async (ctx, input) => {
    if (ctx.host.chooseSavePath) return { path: await ctx.host.chooseSavePath(input.fileName), downloadPath: null };
    const dir = exportsDir(ctx.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const ext = path.extname(input.fileName);
    const base = input.fileName.slice(0, input.fileName.length - ext.length);
    let name = input.fileName;
    for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `${base} (${i})${ext}`;
    return { path: path.join(dir, name), downloadPath: `/api/files/exports/${encodeURIComponent(name)}` };
  },
};
