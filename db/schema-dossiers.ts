/** Table types of migration 005: working-day adjustments, work files, TTHC dossiers. */
import type { Generated } from 'kysely';

export interface CalendarDaysTable {
  date: string;
  kind: 'off' | 'work';
  note: string | null;
  updated_at: string;
}

export interface DossierHeadingsTable {
  id: Generated<number>;
  year: number;
  parent_id: number | null;
  position: number;
  title: string;
  deleted_at: string | null;
}

export interface DossierHandoversTable {
  id: Generated<number>;
  date: string;
  giver_unit_id: number | null;
  giver_person: string;
  receiver: string;
  note: string | null;
  created_at: string;
}

export interface DossiersTable {
  id: Generated<number>;
  year: number;
  heading_id: number | null;
  code: string;
  title: string;
  title_fold: string;
  retention_years: number;
  keeper_unit_id: number | null;
  keeper_person: string | null;
  note: string | null;
  state: 'open' | 'closed' | 'handed_over';
  work_ended_at: string | null;
  handover_id: number | null;
  extra_sheets: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface DossierDocumentsTable {
  id: Generated<number>;
  dossier_id: number;
  incoming_id: number | null;
  outgoing_id: number | null;
  notation: string | null;
  doc_date: string;
  title: string;
  author: string | null;
  sheets: number;
  created_at: string;
  deleted_at: string | null;
}

export interface TthcProceduresTable {
  id: Generated<number>;
  code: string | null;
  name: string;
  field: string;
  processing_days: number;
  fee: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface TthcDossiersTable {
  id: Generated<number>;
  code: string;
  procedure_id: number;
  applicant_name: string;
  applicant_fold: string;
  applicant_kind: 'person' | 'organisation';
  applicant_address: string | null;
  applicant_phone: string | null;
  received_at: string;
  channel: 'direct' | 'online3' | 'online4' | 'post';
  handling_unit_id: number | null;
  due_date: string;
  result_date: string | null;
  withdrawn_at: string | null;
  new_due_date: string | null;
  delay_reason: string | null;
  note: string | null;
  /** Epoch milliseconds since migration 025 (db/instant.ts). */
  created_at: number;
  updated_at: number;
  deleted_at: string | null;
}

export interface DossierTables {
  calendar_days: CalendarDaysTable;
  dossier_headings: DossierHeadingsTable;
  dossier_handovers: DossierHandoversTable;
  dossiers: DossiersTable;
  dossier_documents: DossierDocumentsTable;
  tthc_procedures: TthcProceduresTable;
  tthc_dossiers: TthcDossiersTable;
}
