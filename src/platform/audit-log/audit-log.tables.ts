// The signed head of the audit log and its signed checkpoints (migration
// 0038). Signature, key id and public key are null where no signer was
// attached (a raw database in a test, a migration).

declare module '../db/tables.js' {
  interface DB {
    audit_head: AuditHeadTable;
    audit_checkpoints: AuditCheckpointTable;
  }
}

/** One row (id 1): the last row the log should end with, signed by the writer. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  at: string;
  signature: string | null;
  key_id: string | null;
  public_key: string | null;
}

/** The chain's hash at every Nth row, signed when it was written. */
export interface AuditCheckpointTable {
  seq: number;
  hash: string;
  at: string;
  signature: string | null;
  key_id: string | null;
  public_key: string | null;
}
