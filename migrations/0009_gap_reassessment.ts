import type { Kysely } from 'kysely';

// Re-assessment (issue 10, part 5): a new gap assessment can start from an
// earlier one's answers.
// - gap_assessments.started_from: the assessment whose answers it copied.
// - gap_answers.carried_over_at: when the answer was copied. The answer reads
//   as carried over (to confirm) while it has not been saved since
//   (updated_at <= carried_over_at); any save by a person, even unchanged,
//   moves updated_at on and so confirms it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('gap_assessments').addColumn('started_from', 'text').execute();
  await db.schema.alterTable('gap_answers').addColumn('carried_over_at', 'text').execute();
}
