import { type Kysely, sql } from 'kysely';

// Monitoring of AI systems (clause 9.1, Annex A.6.2.6): the metrics each AI
// system is watched by (a register), the observations pushed for them, the
// breach windows they open (tasks for the metric's owner) and the reviews of
// each metric. The metric row also keeps its latest observation and its open
// breach, maintained by ingest under a lock on the metric row, so lists and
// states are read without scanning observations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('monitoring_metrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('review_every_days', 'integer', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('open_incident_on_breach', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_reviewed_at', 'text')
    .addColumn('next_review_due', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    // kept by ingest and breach resolution, not by the register's edits
    .addColumn('latest_value', 'double precision')
    .addColumn('latest_observed_at', 'text')
    .addColumn('open_breach_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  // one current metric of a name per AI system (two creates racing on PostgreSQL: the loser gets 409)
  await db.schema
    .createIndex('monitoring_metrics_system_name_uq')
    .unique()
    .on('monitoring_metrics')
    .columns(['ai_system_id', 'name_key'])
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('monitoring_metrics_system_idx')
    .on('monitoring_metrics')
    .columns(['org_id', 'ai_system_id', 'name_key'])
    .execute();
  await db.schema
    .createIndex('monitoring_metrics_org_name_idx')
    .on('monitoring_metrics')
    .columns(['org_id', 'name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('monitoring_metrics_review_idx')
    .on('monitoring_metrics')
    .columns(['next_review_due', 'archived_at'])
    .execute();
  await db.schema
    .createIndex('monitoring_metrics_owner_idx')
    .on('monitoring_metrics')
    .columns(['org_id', 'owner_user_id'])
    .execute();

  await db.schema
    .createTable('monitoring_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('metric_id', 'text', (c) => c.notNull().references('monitoring_metrics.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // the chart's range read and breach evaluation in observed_at order, covering (no table lookups)
  await db.schema
    .createIndex('monitoring_observations_metric_idx')
    .on('monitoring_observations')
    .columns(['metric_id', 'observed_at', 'id', 'value'])
    .execute();

  await db.schema
    .createTable('monitoring_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('metric_id', 'text', (c) => c.notNull().references('monitoring_metrics.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('worst_value', 'double precision', (c) => c.notNull())
    .addColumn('observations', 'integer', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('assignee_name', 'text')
    .addColumn('assignee_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('users.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // one record per window: a window is known by its metric and first observation
  await db.schema
    .createIndex('monitoring_breaches_window_uq')
    .unique()
    .on('monitoring_breaches')
    .columns(['metric_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('monitoring_breaches_org_idx')
    .on('monitoring_breaches')
    .columns(['org_id', 'status', 'started_at', 'id'])
    .execute();
  await db.schema
    .createIndex('monitoring_breaches_assignee_idx')
    .on('monitoring_breaches')
    .columns(['org_id', 'assignee_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('monitoring_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('metric_id', 'text', (c) => c.notNull().references('monitoring_metrics.id').onDelete('cascade'))
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('monitoring_reviews_metric_idx')
    .on('monitoring_reviews')
    .columns(['metric_id', 'reviewed_at'])
    .execute();
}
