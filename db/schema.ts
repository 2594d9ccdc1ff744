/** Table types for kysely. Column names are snake_case; the API speaks camelCase. */
import type { Generated } from 'kysely';
import type { DossierTables } from './schema-dossiers';
import type { IntakeTables } from './schema-intake';
import type { TrustTables } from './schema-trust';
import type { UserTables } from './schema-users';

export interface AgencyTable {
  id: number;
  name: string;
  parent_name: string | null;
  abbreviation: string;
  place: string;
  /** The office's edXML OrganId (QCVN 102:2016), null until set in Settings. */
  organ_id: string | null;
  updated_at: string;
}

export interface UnitsTable {
  id: Generated<number>;
  name: string;
  /** Name folded for diacritic-insensitive search (đ included). */
  name_fold: string;
  abbreviation: string | null;
  kind: 'internal' | 'external';
  parent_id: number | null;
  email: string | null;
  /** An external agency's edXML OrganId, kept from the packages it sent; optional so that older writers need not name it. */
  organ_id?: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

/** Each (action, table) pair the audit log has used, named once (migration 023). */
export interface AuditKindsTable {
  kind: Generated<number>;
  action: string;
  entity: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** Epoch milliseconds; the app's ISO text at the store's edge (db/instant.ts storedAt, readAt). */
  at: number;
  actor: string;
  /** The row's action and table (audit_kinds): their names at the store's edge. */
  kind: number;
  entity_id: number | null;
  /** The change's before and after JSON, compressed together (db/audit-codec.ts); null when it has neither. */
  changes: Buffer | null;
  /** 1 when the change carries a secrecy value (access/store.ts `visibleAudit`). */
  secret: Generated<number>;
  /** The office server's client; null on the server's own machine. */
  client_address: string | null;
}

export interface RegistersTable {
  id: Generated<number>;
  kind: 'incoming' | 'outgoing';
  name: string;
  secret: number;
  sort_order: number;
  archived_at: string | null;
}

export interface IncomingTable {
  id: Generated<number>;
  register_id: number;
  /** The arrival year: numbers start again at 1 each calendar year. */
  year: number;
  arrival_number: number;
  arrival_date: string;
  sender_unit_id: number | null;
  sender_name: string;
  sender_fold: string;
  notation: string | null;
  /** Folded notation, for the duplicate rule. */
  notation_key: string | null;
  document_number: number | null;
  document_type: string | null;
  document_date: string | null;
  subject: string;
  signer_name: string | null;
  urgency: string | null;
  secrecy: string | null;
  pages: number | null;
  received_via: string | null;
  recipient_text: string | null;
  transfer_date: string | null;
  instruction: string | null;
  lead_unit_id: number | null;
  deadline: string | null;
  /** Epoch milliseconds since migration 025, like created_at and updated_at (db/instant.ts). */
  assigned_at: number | null;
  completed_at: string | null;
  reply_outgoing_id: number | null;
  note: string | null;
  created_at: number;
  updated_at: number;
  /** OCR's text of a registered scan, for full-text search only. */
  recognised_text: string | null;
  /** Where the document came from when it was registered from the intake queue ("Thư điện tử từ … lúc …"); optional so that older writers need not name it. */
  origin?: string | null;
  deleted_at: string | null;
}

export interface IncomingCoordinatorsTable {
  incoming_id: number;
  unit_id: number;
}

export interface OutgoingTable {
  id: Generated<number>;
  register_id: number;
  year: number | null;
  number: number | null;
  notation: string | null;
  status: 'draft' | 'issued' | 'sent' | 'cancelled';
  issue_date: string | null;
  document_type: string;
  subject: string;
  signer_name: string | null;
  signer_position: string | null;
  signing_authority: string | null;
  drafting_unit_id: number | null;
  drafter_initials: string | null;
  recipients_text: string | null;
  copies: number | null;
  urgency: string | null;
  secrecy: string | null;
  transfer_date: string | null;
  sent_via: string | null;
  cancel_reason: string | null;
  note: string | null;
  /** Epoch milliseconds since migration 025 (db/instant.ts). */
  created_at: number;
  updated_at: number;
  deleted_at: string | null;
}

export interface OutgoingRecipientsTable {
  id: Generated<number>;
  outgoing_id: number;
  unit_id: number | null;
  name: string;
  sort_order: number;
}

export interface OutgoingRepliesTable {
  outgoing_id: number;
  incoming_id: number;
}

export interface AttachmentsTable {
  id: Generated<number>;
  owner_kind: 'incoming' | 'outgoing';
  owner_id: number;
  file_name: string;
  sha256: string;
  size: number;
  media_type: string;
  added_at: string;
  deleted_at: string | null;
}

export interface SettingsTable {
  key: string;
  value_json: string;
}

export interface TasksTable {
  id: Generated<number>;
  content: string;
  content_fold: string;
  source_incoming_id: number | null;
  source_outgoing_id: number | null;
  source_text: string | null;
  assigned_by: string | null;
  lead_unit_id: number | null;
  person: string | null;
  start_date: string | null;
  time_text: string | null;
  recurrence_json: string | null;
  focus: number;
  field: string | null;
  target_quantity: number | null;
  target_unit: string | null;
  in_superior_programme: number;
  state: 'active' | 'paused' | 'cancelled';
  state_reason: string | null;
  note: string | null;
  /** Epoch milliseconds since migration 025 (db/instant.ts). */
  created_at: number;
  updated_at: number;
  deleted_at: string | null;
}

export interface TaskCoordinatorsTable {
  task_id: number;
  unit_id: number;
}

export interface TaskOccurrencesTable {
  id: Generated<number>;
  task_id: number;
  period_key: string;
  period_label: string | null;
  due_date: string | null;
  completed_at: string | null;
  result: string | null;
  /** Epoch milliseconds since migration 025 (db/instant.ts). */
  created_at: number;
}

export interface TaskProgressTable {
  id: Generated<number>;
  occurrence_id: number;
  report_date: string;
  result: string;
  quantity: number | null;
  percent: number | null;
  /** Epoch milliseconds since migration 025 (db/instant.ts). */
  created_at: number;
}

export interface TaskRemindersTable {
  id: Generated<number>;
  occurrence_id: number;
  reminder_date: string;
  note: string | null;
  created_at: string;
}

/** The last number given per register and year (db/numbering.ts). */
export interface RegisterCountersTable {
  register_id: number;
  year: number;
  last: number;
}

/** Every piece ever found in a document's notation (db/search.ts `notationMayHold`). */
export interface NotationTermsTable {
  term: string;
}

export interface DB extends DossierTables, UserTables, TrustTables, IntakeTables {
  agency: AgencyTable;
  units: UnitsTable;
  audit_log: AuditLogTable;
  audit_kinds: AuditKindsTable;
  registers: RegistersTable;
  incoming: IncomingTable;
  incoming_coordinators: IncomingCoordinatorsTable;
  outgoing: OutgoingTable;
  outgoing_recipients: OutgoingRecipientsTable;
  outgoing_replies: OutgoingRepliesTable;
  attachments: AttachmentsTable;
  settings: SettingsTable;
  tasks: TasksTable;
  task_coordinators: TaskCoordinatorsTable;
  task_occurrences: TaskOccurrencesTable;
  task_progress: TaskProgressTable;
  task_reminders: TaskRemindersTable;
  register_counters: RegisterCountersTable;
  notation_terms: NotationTermsTable;
}
