/**
 * Every document's search entry (those in the trash too, as in the live index) made again from the documents' own rows,
 * for an index rebuilt where the old one cannot be read (SQLite's is contentless:
 * it keeps no copy of the text). The fields are those the registers index on
 * every write (reindexIncoming, reindexOutgoing), folded the same way.
 */
import { sql, type Kysely } from 'kysely';
import { documentTypeByCode } from '../shared/documents/types';
import { foldVietnamese } from '../shared/text';
import type { DB } from './schema';
import type { SearchDoc } from './search';

const typeName = (code: string | null) => (code ? documentTypeByCode(code)?.name ?? code : null);
const fold = (v: string | null) => foldVietnamese(v ?? '');
const joined = (parts: (string | null)[]) => fold(parts.filter(Boolean).join(' '));

interface Row {
  kind: 'incoming' | 'outgoing';
  id: number;
  notation: string | null;
  subject: string;
  sender: string | null;
  document_type: string | null;
  signer_name: string | null;
  more: string | null;
  recognised_text: string | null;
}

export async function documentEntries(db: Kysely<DB>): Promise<SearchDoc[]> {
  const r = await sql<Row>`
    select 'incoming' as kind, id, notation, subject, sender_name as sender, document_type, signer_name, instruction as more, recognised_text
      from incoming
    union all
    select 'outgoing', o.id, o.notation, o.subject, o.recipients_text, o.document_type, o.signer_name, u.name, null
      from outgoing o left join units u on u.id = o.drafting_unit_id`.execute(db);
  return r.rows.map((d) => ({
    kind: d.kind,
    id: Number(d.id),
    notation: fold(d.notation),
    subject: fold(d.subject),
    sender: fold(d.sender),
    extra: joined([typeName(d.document_type), d.signer_name, d.more, d.recognised_text]),
  }));
}
