/** Table types for kysely. Column names are snake_case; the API speaks camelCase. */
import type { Generated } from 'kysely';

export interface AgencyTable {
  id: number;
  name: string;
  parent_name: string | null;
  abbreviation: string;
  place: string;
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
  sort_order: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export interface DB {
  agency: AgencyTable;
  units: UnitsTable;
  audit_log: AuditLogTable;
}
