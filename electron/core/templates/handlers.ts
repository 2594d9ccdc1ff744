/** templates.*: the office's own Word template of an export, set (checked first), listed, removed. */
import fs from 'node:fs';
import { fieldError } from '../../../shared/api/errors';
import { templateExports, type TemplateExport } from '../../../shared/api/templates';
import type { HandlerMap } from '../context';
import { compile, explain, tagsOf, templateDir, templateFile } from './fill';

export const templatesHandlers: HandlerMap<'templates.list' | 'templates.set' | 'templates.remove'> = {
  async 'templates.list'(ctx) {
    return {
      items: (Object.keys(templateExports) as TemplateExport[]).map((k) => ({ export: k, label: templateExports[k].label, custom: fs.existsSync(templateFile(ctx, k)), placeholders: [...templateExports[k].placeholders] })),
    };
  },
  async 'templates.set'(ctx, v) {
    const { content } = ctx.files.read(ctx.user, v.fileId, 30 * 1024 * 1024);
    try {
      compile(content);
    } catch (e) {
      throw fieldError('VALIDATION', 'fileId', `Mẫu không dùng được: ${explain(e)}.`);
    }
    fs.mkdirSync(templateDir(ctx), { recursive: true });
    fs.writeFileSync(templateFile(ctx, v.export), content);
    const tags = tagsOf(content);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'templates', entityId: null, before: null, after: { export: v.export, tags } });
    return { export: v.export, custom: true, tags };
  },
  async 'templates.remove'(ctx, v) {
    fs.rmSync(templateFile(ctx, v.export), { force: true });
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'templates', entityId: null, before: { export: v.export }, after: null });
    return { export: v.export, custom: false };
  },
};
