import { ROLE_KEYS, type RoleKey, SEED_ROLES } from '../../roles/index.js';

// The shape of a starter document template. Kept apart from
// documents.templates.ts so each template file can import it without a cycle.

export interface DocumentTemplate {
  id: string;
  title: string;
  /** the core-set key the document is filed under (same as id for the seven starters) */
  docType: string;
  category: 'policy' | 'procedure';
  requiresAcknowledgement: boolean;
  reviewIntervalMonths: number;
  /** one sentence for the "new from template" dialog */
  summary: string;
  /** Markdown with {{placeholders}}, filled by fillTemplate */
  body: string;
}

/**
 * The governance roles templates give duties to: the roles register's seed
 * roles, with the name shown when the organization's register has no such
 * role (archived), so the gap still names the role.
 */
export const TEMPLATE_ROLE_NAMES: Readonly<Record<RoleKey, string>> = Object.freeze(
  Object.fromEntries(SEED_ROLES.map((r) => [r.key, r.name])) as Record<RoleKey, string>,
);

export type TemplateRoleKey = RoleKey;

export const TEMPLATE_ROLE_KEYS: readonly TemplateRoleKey[] = ROLE_KEYS;

/**
 * The closing table every template ends with: who owns, who approves, how
 * often it is reviewed. owner is a role key; approver is a role key, or Markdown naming roles only
 * through placeholders.
 */
export function documentControl(
  owner: TemplateRoleKey,
  approver: TemplateRoleKey | string,
  reviewIntervalMonths: number,
): string {
  const approverText = approver in TEMPLATE_ROLE_NAMES ? `{{role.${approver}}}` : approver;
  return [
    '## Document control',
    '',
    '| Item | Value |',
    '| --- | --- |',
    `| Owner | {{role.${owner}}} |`,
    `| Approver | ${approverText} |`,
    `| Review interval | Every ${reviewIntervalMonths} months, and after any major incident or change in scope |`,
    '| Drafted from template | {{date.today}} |',
  ].join('\n');
}
