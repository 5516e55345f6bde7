import { z } from 'zod';
import { appendAudit, type Actor } from '../../platform/audit-log/audit-log.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { forUpdate } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';
import { invalid } from '../../platform/http/errors.js';
import { requiredLine } from '../../platform/http/fields.js';
import { etagOf, isStale, laterThan, StaleWrite } from '../../platform/register/index.js';
import { fold } from '../../platform/text.js';
import { riskScaleColumn } from './organizations.tables.js';

// Organization-wide rules the registers apply: the risk scale every AI system
// and supplier is rated on, and how often AI systems must be reviewed.

export const DEFAULT_RISK_SCALE = ['low', 'medium', 'high'];
export const DEFAULT_REVIEW_INTERVAL_DAYS = 365;

export const orgSettingsBody = z.strictObject({
  reviewIntervalDays: z.number().int().min(7).max(1095),
  riskScale: z
    .array(requiredLine(50))
    .min(2)
    .max(10)
    .refine((s) => new Set(s.map(fold)).size === s.length, 'must not repeat a level'),
});
// The read adds the version (null while the defaults apply), so a client can
// send it back as If-Match; the body of a write stays the two settings.
export const orgSettingsSchema = orgSettingsBody
  .extend({ updatedAt: z.string().nullable() })
  .meta({ id: 'OrganizationSettings' });
export type OrgSettings = z.infer<typeof orgSettingsBody>;
export type OrgSettingsRecord = z.infer<typeof orgSettingsSchema>;

const settingsRow = (db: Executor, orgId: string) => db.selectFrom('org_settings').selectAll().where('org_id', '=', orgId);
// Most registers' pages read the settings (review interval, risk scale): compiled once.
const settingsTemplate = queryTemplate(['orgId'], (db, p) => settingsRow(db, p.orgId));

export async function getOrgSettings(db: Executor, orgId: string): Promise<OrgSettings> {
  return (await readSettings(db, orgId)).settings;
}

/** The settings with their version (ETag; W/"none" while the defaults apply), locked FOR UPDATE with lock. */
export async function readSettings(db: Executor, orgId: string, opts: { lock?: boolean } = {}) {
  const [row] = opts.lock
    ? [await forUpdate(db, settingsRow(db, orgId)).executeTakeFirst()]
    : await settingsTemplate.run(db, { orgId });
  const settings: OrgSettings = row
    ? { reviewIntervalDays: row.review_interval_days, riskScale: riskScaleColumn.read(row.risk_scale) }
    : { reviewIntervalDays: DEFAULT_REVIEW_INTERVAL_DAYS, riskScale: DEFAULT_RISK_SCALE };
  const updatedAt = row?.updated_at ?? null;
  return { settings, updatedAt, etag: etagOf(updatedAt), record: { ...settings, updatedAt } as OrgSettingsRecord };
}

/**
 * Replaces the settings. With ifMatch (the ETag of the caller's copy) settings
 * changed since are a 409 carrying the current ones (StaleWrite).
 */
export async function updateOrgSettings(
  db: Db,
  actor: Actor,
  orgId: string,
  input: OrgSettings,
  opts: { ifMatch?: string } = {},
): Promise<{ settings: OrgSettingsRecord; etag: string }> {
  return db.transaction().execute(async (tx) => {
    const current = await readSettings(tx, orgId, { lock: true });
    const before = current.settings;
    if (isStale(opts.ifMatch, current.updatedAt)) throw new StaleWrite('settings', current.record, current.etag);
    const row = {
      review_interval_days: input.reviewIntervalDays,
      risk_scale: riskScaleColumn.write(input.riskScale),
      updated_at: laterThan(current.updatedAt),
    };
    const exists = current.updatedAt !== null;
    if (exists) await tx.updateTable('org_settings').set(row).where('org_id', '=', orgId).execute();
    else
      await tx
        .insertInto('org_settings')
        .values({ org_id: orgId, ...row })
        .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'organization_settings',
      entityId: orgId,
      action: 'update',
      before,
      after: input,
    });
    return { settings: { ...input, updatedAt: row.updated_at }, etag: etagOf(row.updated_at) };
  });
}

/**
 * Matches a rating to the organization's scale ignoring case and punctuation,
 * returning the scale's own spelling, or throws naming the field.
 */
export function matchRiskLevel(value: string, scale: string[], field: string): string {
  const found = scale.find((s) => fold(s) === fold(value));
  if (!found) throw invalid([{ field, message: `must be one of the organization's risk levels: ${scale.join(', ')}` }]);
  return found;
}
