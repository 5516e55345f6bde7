import { type Kysely, sql } from 'kysely';

// Gap assessment (issue 9):
// 1. Clauses 4 to 10 always apply: only Annex A controls can be excluded, in
//    the Statement of Applicability. A clause answer saved as "not-applicable"
//    goes back to "not-started"; the notes say why and keep the justification
//    that was given, which is cleared (it belongs to an exclusion).
// 2. gap_answers.prefilled: 1 while an answer is still exactly as the
//    ISO/IEC 27001 pre-fill wrote it, so the dashboard tells reuse from the
//    ISMS apart from AI-specific work. Existing answers count as pre-filled
//    when they were written with the assessment, as partial, with the pre-fill
//    note and nothing else.
// Plain SQL both SQLite and PostgreSQL run the same way ('||', CASE, LIKE).
export const CLAUSE_NA_NOTE =
  '[OpenAIMS] This answer was "not applicable" and is back to "not started": clauses 4 to 10 always apply; only Annex A controls can be excluded, through the Statement of Applicability with a justification.';

export async function up(db: Kysely<unknown>): Promise<void> {
  await clausesAlwaysApply(db);
  await db.schema
    .alterTable('gap_answers')
    .addColumn('prefilled', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await markPrefilled(db);
}

/** Step 1, exported for its test: clause answers "not-applicable" back to "not-started", with the note. */
export async function clausesAlwaysApply(db: Kysely<unknown>): Promise<void> {
  await sql`
    update gap_answers
    set status = 'not-started',
        notes = notes
          || case when notes = '' then '' else ${'\n\n'} end
          || ${CLAUSE_NA_NOTE}
          || case when trim(justification) = '' then '' else ${' Justification given then: '} || justification end,
        justification = ''
    where status = 'not-applicable' and requirement_id not like 'A.%'
  `.execute(db);
}

/** Step 2, exported for its test: answers still as the pre-fill wrote them are marked. */
export async function markPrefilled(db: Kysely<unknown>): Promise<void> {
  await sql`
    update gap_answers
    set prefilled = 1
    where status = 'partial'
      and notes like ${'Reuses the ISMS %'}
      and maturity is null
      and justification = ''
      and owner_user_id is null
      and owner_name is null
      and links = '[]'
      and updated_at = (select a.created_at from gap_assessments a where a.id = gap_answers.assessment_id)
  `.execute(db);
}
