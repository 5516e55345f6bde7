import type { Kysely } from 'kysely';

// Issue 17: the summaries the gap assessment, the SoA, the risk method and the
// core document set read on every view counted the organization's risks and
// in-scope AI systems from their table rows (20,000 risks: 100 ms and more on
// SQLite, holding the event loop). Each count now reads an index that holds
// every column it needs (a covering index: no row is fetched).

export async function up(db: Kysely<unknown>): Promise<void> {
  // The register summary: counts by status with the register's flags
  // (residual assessed, above the threshold untreated, review overdue).
  await db.schema
    .createIndex('risks_org_summary_idx')
    .ifNotExists()
    .on('risks')
    .columns([
      'org_id',
      'archived_at',
      'status',
      'current_rank',
      'action_count',
      'accepted_at',
      'next_review_date',
      'residual_level',
    ])
    .execute();
  // The heatmap's cells (filtered by status) and the risk method's counts per
  // cell, level and source: the cell indexes of 0013 extended to cover both.
  await db.schema.dropIndex('risks_org_inherent_cell_idx').ifExists().execute();
  await db.schema.dropIndex('risks_org_residual_cell_idx').ifExists().execute();
  await db.schema
    .createIndex('risks_org_inherent_cell_idx')
    .on('risks')
    .columns(['org_id', 'archived_at', 'inherent_likelihood', 'inherent_impact', 'inherent_level', 'source_category', 'status'])
    .execute();
  await db.schema
    .createIndex('risks_org_residual_cell_idx')
    .on('risks')
    .columns(['org_id', 'archived_at', 'residual_likelihood', 'residual_impact', 'residual_level', 'status'])
    .execute();
  // In-scope AI systems counted, and checked one by one for a current risk
  // (risk_ai_systems_system_idx), without reading their rows.
  await db.schema
    .createIndex('ai_systems_org_in_scope_idx')
    .ifNotExists()
    .on('ai_systems')
    .columns(['org_id', 'in_scope', 'archived_at', 'id'])
    .execute();
}
