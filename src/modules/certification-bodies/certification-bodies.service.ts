import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, nowIso } from '../../platform/db/db.js';
import { conflict, invalid } from '../../platform/http/errors.js';
import { resolvePeople } from '../../platform/refs/index.js';
import { getRecord, laterThan, lockRow } from '../../platform/register/index.js';
import { acceptedColumn, certificationBodyRegister as reg, rowToRecord } from './certification-bodies.register.js';
import * as repo from './certification-bodies.repository.js';
import { acceptWarnings, bodyWarnings } from './certification-bodies.rules.js';

// Choosing the body, and what other modules read of the choice: the home
// page and readiness the summary, certificates the chosen body's public
// fields to prefill an issuing body.

const tri = (v: 'yes' | 'no' | 'unknown') => (v === 'yes' ? true : v === 'no' ? false : null);

/**
 * Makes the body the organization's chosen one. Every warning it carries
 * needs a reason (400 naming body.reasons.<code> otherwise); the previously
 * chosen body goes back to candidate. One transaction, one audit row per
 * changed body, serialised per organization (repo.lockChoice) so two
 * concurrent chooses leave exactly one chosen.
 */
export async function chooseBody(db: Db, actor: Actor, orgId: string, id: string, reasons: Partial<Record<string, string>>) {
  await db.transaction().execute(async (tx) => {
    await repo.lockChoice(tx, orgId);
    const row = await lockRow(tx, reg, orgId, id);
    if (row.archived_at) throw conflict('This certification body is archived; restore it before choosing it.');
    const record = rowToRecord(row);
    const { accepted, errors } = acceptWarnings(bodyWarnings(record), reasons);
    if (errors.length) throw invalid(errors, 'Choosing this body needs a reason for each warning it carries.');
    const previous = await repo.chosenRow(tx, orgId);
    if (previous && previous.id !== id) {
      const prevNow = laterThan(previous.updated_at);
      await tx
        .updateTable('certification_bodies')
        .set({ status: 'candidate', updated_at: prevNow })
        .where('org_id', '=', orgId)
        .where('id', '=', previous.id)
        .execute();
      await appendAudit(tx, actor, {
        orgId,
        entityType: reg.entityType,
        entityId: previous.id,
        action: 'unchoose',
        before: { id: previous.id, name: previous.name, status: 'chosen' },
        after: { id: previous.id, name: previous.name, status: 'candidate', replacedBy: id },
      });
    }
    // the chooser's name as the members list has it (an API token or the CLI has only its label)
    const byName = actor.userId
      ? ((await resolvePeople(tx, orgId, [{ field: 'actor', person: { userId: actor.userId, name: '' } }])).people[0]?.name ??
        actor.label)
      : actor.label;
    const at = nowIso();
    await tx
      .updateTable('certification_bodies')
      .set({
        status: 'chosen',
        chosen_at: at,
        chosen_by_user_id: actor.userId,
        chosen_by_name: byName,
        accepted_warnings: acceptedColumn.write(accepted),
        updated_at: laterThan(row.updated_at),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: reg.entityType,
      entityId: id,
      action: 'choose',
      before: { id, name: row.name, status: row.status },
      after: {
        id,
        name: row.name,
        status: 'chosen',
        acceptedWarnings: accepted,
        ...(previous && previous.id !== id ? { replaced: previous.id } : {}),
      },
    });
  });
  return getRecord(db, reg, orgId, id);
}

export interface CertificationBodySummary {
  candidates: number;
  chosen: {
    id: string;
    name: string;
    accreditedForIso42001: boolean | null;
    accreditationBody: string | null;
    iafMlaSignatory: boolean | null;
    verificationRoute: string | null;
  } | null;
  warnings: number;
}

/** Bodies still in the running (candidate or chosen), the chosen one, and their warnings counted. */
export async function certificationBodySummary(db: Executor, orgId: string): Promise<CertificationBodySummary> {
  const rows = await repo.activeRows(db, orgId);
  let warnings = 0;
  let chosen: CertificationBodySummary['chosen'] = null;
  for (const r of rows) {
    const rec = rowToRecord(r);
    warnings += bodyWarnings(rec).length;
    if (rec.status === 'chosen')
      chosen = {
        id: r.id,
        name: rec.name,
        accreditedForIso42001: tri(rec.accreditedForIso42001),
        accreditationBody: rec.accreditationBody,
        iafMlaSignatory: tri(rec.iafMlaSignatory),
        verificationRoute: rec.verificationRoute.trim() || null,
      };
  }
  return { candidates: rows.length, chosen, warnings };
}

export interface ChosenCertificationBody {
  id: string;
  name: string;
  country: string | null;
  website: string | null;
  accreditationBody: string | null;
  accreditationReference: string | null;
  /** true, false, or null when not recorded */
  coversIso42001: boolean | null;
  iafMlaSignatory: boolean | null;
  /** how a buyer verifies a certificate (text or URL); null when not recorded */
  verificationRoute: string | null;
  listedInIafCertSearch: boolean | null;
}

/** The chosen body's public fields (to prefill a certificate's issuing body), or null. */
export async function chosenCertificationBody(db: Executor, orgId: string): Promise<ChosenCertificationBody | null> {
  const row = await repo.chosenRow(db, orgId);
  if (!row) return null;
  const rec = rowToRecord(row);
  return {
    id: row.id,
    name: rec.name,
    country: rec.country,
    website: rec.website,
    accreditationBody: rec.accreditationBody,
    accreditationReference: rec.accreditationReference,
    coversIso42001: tri(rec.accreditedForIso42001),
    iafMlaSignatory: tri(rec.iafMlaSignatory),
    verificationRoute: rec.verificationRoute.trim() || null,
    listedInIafCertSearch: tri(rec.listedInIafCertSearch),
  };
}

export async function getSettings(db: Executor, orgId: string) {
  const row = await repo.settingsRow(db, orgId);
  return { desiredStage2Month: row?.desired_stage2_month ?? null, updatedAt: row?.updated_at ?? null };
}

export async function putSettings(db: Db, actor: Actor, orgId: string, input: { desiredStage2Month: string | null }) {
  await db.transaction().execute(async (tx) => {
    // the same per-organization lock as choosing: the audit's "before" is the previous "after"
    await repo.lockChoice(tx, orgId);
    const before = await getSettings(tx, orgId);
    const values = { org_id: orgId, desired_stage2_month: input.desiredStage2Month, updated_at: nowIso() };
    await tx
      .insertInto('certification_body_settings')
      .values(values)
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({ desired_stage2_month: values.desired_stage2_month, updated_at: values.updated_at }),
      )
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'certification_body_settings',
      entityId: orgId,
      action: 'update',
      before: { desiredStage2Month: before.desiredStage2Month },
      after: { desiredStage2Month: input.desiredStage2Month },
    });
  });
  return getSettings(db, orgId);
}
