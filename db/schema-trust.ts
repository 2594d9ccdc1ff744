/** Table types of migration 011: the trust store of digital signatures. */
import type { Generated } from 'kysely';

export interface TrustRootsTable {
  id: Generated<number>;
  /** SHA-256 of the DER, lower-case hex. */
  fingerprint: string;
  subject: string;
  organisation: string | null;
  issuer: string;
  not_before: string;
  not_after: string;
  der: Buffer;
  added_at: string;
  added_by: string;
  removed_at: string | null;
}

export interface TrustTables {
  trust_roots: TrustRootsTable;
}
