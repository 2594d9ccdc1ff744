/**
 * Each user's notifications (new items in the queue, the morning digest),
 * and the digest itself: the user's tasks due within three working days or
 * overdue, and incoming documents whose handling deadline is within three
 * days, both through the one access rule.
 */
import { addDays, format, parseISO } from 'date-fns';
import type { Output } from '../../../shared/api/index';
import { formatDocNumber } from '../../../shared/documents/notation';
import { dueSoonUntil } from '../tasks/rules';
import { taskAccess, visibleIncoming } from '../access';
import type { CallContext, HandlerMap } from '../context';
import { workCalendar } from '../tasks/load';

type Settings = Output<'notifications.settings.get'>;
const DEFAULTS: Settings = { newItems: true, morning: true };
const DIGEST_DAYS = 3;
const DIGEST_LIMIT = 100;

/** One row per user; before the first user exists, the one who sets up the app. */
const keyOf = (ctx: CallContext) => `notifications.user.${ctx.user?.id ?? 0}`;

async function readSettings(ctx: CallContext): Promise<Settings> {
  return { ...DEFAULTS, ...(await ctx.stores.settings.get<Partial<Settings>>(keyOf(ctx))) };
}

async function dueTasks(ctx: CallContext, today: string) {
  const clock = { today, soonUntil: dueSoonUntil(today, DIGEST_DAYS, await workCalendar(ctx, today)) };
  const filter = { access: taskAccess(ctx.user), unitId: null, source: null, sourceIncomingId: null, focus: null, from: null, to: null, qFold: null };
  const page = { offset: 0, limit: DIGEST_LIMIT, sort: 'due' as const, dir: 'asc' as const };
  const [overdue, soon] = await Promise.all((['overdue', 'due_soon'] as const).map((status) => ctx.stores.intake.tasks({ ...filter, status }, clock, page)));
  return [...overdue!.rows, ...soon!.rows].map((r) => ({ id: r.task_id, title: r.content, deadline: r.due_date, overdue: r.status === 'overdue' }));
}

async function dueDocuments(ctx: CallContext, today: string) {
  const until = format(addDays(parseISO(today), DIGEST_DAYS), 'yyyy-MM-dd');
  const rows = await ctx.stores.intake.dueDocuments(today, until, (alias) => visibleIncoming(ctx.user, alias), DIGEST_LIMIT);
  return rows.map((r) => ({ id: r.id, label: `Số đến ${formatDocNumber(r.arrival_number)}${r.notation ? ` (${r.notation})` : ''}: ${r.subject}`, deadline: r.deadline ?? until }));
}

export const notificationsHandlers: HandlerMap<'notifications.settings.get' | 'notifications.settings.update' | 'notifications.digest'> = {
  'notifications.settings.get': (ctx) => readSettings(ctx),

  'notifications.settings.update': async (ctx, v) => {
    const before = await readSettings(ctx);
    const after = { newItems: v.newItems, morning: v.morning };
    await ctx.stores.settings.put(keyOf(ctx), after);
    await ctx.stores.audit.write({ at: ctx.now(), actor: ctx.actor, action: ctx.method, entity: 'settings', entityId: ctx.user?.id ?? null, before, after });
    return after;
  },

  'notifications.digest': async (ctx) => {
    const today = ctx.today();
    return { date: today, tasks: await dueTasks(ctx, today), documents: await dueDocuments(ctx, today) };
  },
};
