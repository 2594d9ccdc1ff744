/** Saving an export: the desktop shell asks where (save dialog in the main process); the browser shell downloads it. */
import type { HandlerMap } from './context';

export const filesHandlers: HandlerMap<'files.save'> = {
  'files.save': async (ctx, input) => {
    const f = ctx.files.get(ctx.user, input.fileId);
    if (ctx.host.saveFile) return { saved: await ctx.host.saveFile(f.path, f.name), downloadUrl: null };
    return { saved: false, downloadUrl: `/api/files/${f.fileId}` };
  },
};
