import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { documentScope, type SessionUser } from './rules';

/*
 * The one access rule, as SQL conditions over a table alias, so that it is
 * applied where rows are read (lists, gets, counts, exports, search, trash,
 * audit, tasks, dossiers, attachments) rather than checked afterwards. Every
 * read of documents or tasks goes through these; counts are scoped too, so a
 * figure never reveals a record the user may not see.
 */

type Condition = RawBuilder<SqlBool>;
const always: Condition = sql<SqlBool>`1 = 1`;
const col = (alias: string, column: string) => sql.ref(`${alias}.${column}`);
const allOf = (parts: Condition[]): Condition => (parts.length === 0 ? always : sql<SqlBool>`(${sql.join(parts, sql` and `)})`);

/** Incoming documents (alias `i` by default): secrecy, and for a Chuyên viên the lead or a coordinating unit. */
export function visibleIncoming(user: SessionUser | null, alias = 'i'): Condition {
  const s = documentScope(user);
  const parts: Condition[] = [];
  if (s.hideSecret) parts.push(sql<SqlBool>`${col(alias, 'secrecy')} is null`);
  if (s.unitId !== null)
    parts.push(
      sql<SqlBool>`(${col(alias, 'lead_unit_id')} = ${s.unitId} or exists (select 1 from incoming_coordinators acc_ic where acc_ic.incoming_id = ${col(alias, 'id')} and acc_ic.unit_id = ${s.unitId}))`,
    );
  return allOf(parts);
}

/** For the incoming store's queries: the documents over `i`, the reply named beside each over `o`. */
export function incomingAccess(user: SessionUser | null): { row: Condition; reply: Condition } {
  return { row: visibleIncoming(user, 'i'), reply: visibleOutgoing(user, 'o') };
}

/** Outgoing documents (alias `o`): secrecy, and for a Chuyên viên the drafting unit. */
export function visibleOutgoing(user: SessionUser | null, alias = 'o'): Condition {
  const s = documentScope(user);
  const parts: Condition[] = [];
  if (s.hideSecret) parts.push(sql<SqlBool>`${col(alias, 'secrecy')} is null`);
  if (s.unitId !== null) parts.push(sql<SqlBool>`${col(alias, 'drafting_unit_id')} = ${s.unitId}`);
  return allOf(parts);
}

/**
 * Tasks (alias `t`): a Chuyên viên's unit leads or coordinates it; a task
 * given by a secret document is part of that secret (its content is usually
 * the document's subject or instruction), so it needs the grant too.
 */
export function visibleTask(user: SessionUser | null, alias = 't'): Condition {
  const s = documentScope(user);
  const parts: Condition[] = [];
  if (s.hideSecret)
    parts.push(
      sql<SqlBool>`not exists (select 1 from incoming acc_si where acc_si.id = ${col(alias, 'source_incoming_id')} and acc_si.secrecy is not null)`,
      sql<SqlBool>`not exists (select 1 from outgoing acc_so where acc_so.id = ${col(alias, 'source_outgoing_id')} and acc_so.secrecy is not null)`,
    );
  if (s.unitId !== null)
    parts.push(
      sql<SqlBool>`(${col(alias, 'lead_unit_id')} = ${s.unitId} or exists (select 1 from task_coordinators acc_tc where acc_tc.task_id = ${col(alias, 'id')} and acc_tc.unit_id = ${s.unitId}))`,
    );
  return allOf(parts);
}

/** For the tasks store's queries: the tasks over `t`, their source documents over `si` and `so`. */
export function taskAccess(user: SessionUser | null): { row: Condition; incomingSource: Condition; outgoingSource: Condition } {
  return { row: visibleTask(user, 't'), incomingSource: visibleIncoming(user, 'si'), outgoingSource: visibleOutgoing(user, 'so') };
}

/**
 * A row that points to registered documents (a work file's entry, an
 * attachment): visible when each document it names is, or when it names none.
 * The arguments are the SQL of the incoming and outgoing ids (null for none).
 */
export function visibleLinks(user: SessionUser | null, incomingId: RawBuilder<unknown>, outgoingId: RawBuilder<unknown>): Condition {
  const s = documentScope(user);
  if (!s.hideSecret && s.unitId === null) return always;
  return allOf([
    sql<SqlBool>`(${incomingId} is null or exists (select 1 from incoming acc_li where acc_li.id = ${incomingId} and ${visibleIncoming(user, 'acc_li')}))`,
    sql<SqlBool>`(${outgoingId} is null or exists (select 1 from outgoing acc_lo where acc_lo.id = ${outgoingId} and ${visibleOutgoing(user, 'acc_lo')}))`,
  ]);
}

/** visibleLinks for a table with `incoming_id` and `outgoing_id` columns (alias given). */
export const visibleLinkColumns = (user: SessionUser | null, alias: string): Condition => visibleLinks(user, sql`${col(alias, 'incoming_id')}`, sql`${col(alias, 'outgoing_id')}`);

/** visibleLinks for an attachment (alias given): its owner document. */
export const visibleAttachment = (user: SessionUser | null, alias: string): Condition =>
  visibleLinks(
    user,
    sql`(case when ${col(alias, 'owner_kind')} = 'incoming' then ${col(alias, 'owner_id')} end)`,
    sql`(case when ${col(alias, 'owner_kind')} = 'outgoing' then ${col(alias, 'owner_id')} end)`,
  );

/** Registers (alias `r`): the secret register only with the grant. */
export function visibleRegister(user: SessionUser | null, alias = 'r'): Condition {
  return documentScope(user).hideSecret ? sql<SqlBool>`${col(alias, 'secret')} = 0` : always;
}

/**
 * Audit rows (alias `a`): the history of a record the caller may not see is
 * not theirs to read either (its before and after hold the record's fields).
 * Rows of a purged record are judged by the secrecy their values carry
 * (the row's `secret`, set when it was written).
 */
export function visibleAudit(user: SessionUser | null, alias = 'a'): Condition {
  const s = documentScope(user);
  if (!s.hideSecret && s.unitId === null) return always;
  const id = col(alias, 'entity_id');
  // The log names a row's table by its (action, table) pair's number (migration 023).
  const entity = (name: string) => sql<SqlBool>`${col(alias, 'kind')} in (select kind from audit_kinds where entity = ${name})`;
  const hidden = [
    sql<SqlBool>`(${entity('incoming')} and exists (select 1 from incoming acc_ai where acc_ai.id = ${id} and not ${visibleIncoming(user, 'acc_ai')}))`,
    sql<SqlBool>`(${entity('outgoing')} and exists (select 1 from outgoing acc_ao where acc_ao.id = ${id} and not ${visibleOutgoing(user, 'acc_ao')}))`,
    sql<SqlBool>`(${entity('tasks')} and exists (select 1 from tasks acc_at where acc_at.id = ${id} and not ${visibleTask(user, 'acc_at')}))`,
    sql<SqlBool>`(${entity('attachments')} and exists (select 1 from attachments acc_aa where acc_aa.id = ${id} and not ${visibleAttachment(user, 'acc_aa')}))`,
    sql<SqlBool>`(${entity('dossiers')} and exists (select 1 from dossier_documents acc_ad where acc_ad.dossier_id = ${id} and not ${visibleLinkColumns(user, 'acc_ad')}))`,
  ];
  if (s.hideSecret) hidden.push(sql<SqlBool>`${col(alias, 'secret')} = 1`);
  return sql<SqlBool>`not (${sql.join(hidden, sql` or `)})`;
}
