import type { Executor } from '../../platform/db/db.js';
import type { Report } from '../../platform/report/index.js';
import { presentRoles } from './roles.register.js';
import type { Role } from './roles.schemas.js';

// The register as the document an auditor asks for under clause 5.3: "AI
// roles and responsibilities", every active role with who holds it, who
// stands in, what it is responsible for and what it may decide. Built on the
// report kit, so XLSX, PDF, HTML and DOCX come alike.
//
// The organization is named by its name from the platform's organizations
// table: the organizations module (legal name, locale) depends on this one to
// seed roles, so asking it back would be an import cycle.

function personCell(p: Role['holder'], left = false): string {
  if (!p) return 'Vacant';
  return left ? `${p.name} (no longer an active member)` : p.name;
}

export function buildRolesReport(input: { organization: string; roles: Role[]; generatedAt: string }): Report {
  const { roles } = input;
  const vacant = roles.filter((r) => r.vacant).length;
  const left = roles.filter((r) => r.holderLeft).length;
  const summary = [
    `${roles.length} governance ${roles.length === 1 ? 'role' : 'roles'}`,
    `${vacant} vacant`,
    ...(left ? [`${left} whose holder is no longer an active member`] : []),
  ].join(', ');
  return {
    title: 'AI roles and responsibilities',
    metadata: {
      organization: input.organization,
      record: { name: 'AI roles and responsibilities' },
      generatedAt: input.generatedAt,
      details: [{ label: 'Standard', value: 'ISO/IEC 42001:2023, clause 5.3 and Annex A.3.2' }],
    },
    sections: [
      {
        heading: 'Roles',
        blocks: [
          { type: 'paragraph', text: `${summary}.` },
          {
            type: 'table',
            sheet: 'Roles',
            columns: [
              { header: 'Role', width: 26 },
              { header: 'Holder', width: 22 },
              { header: 'Deputy', width: 22 },
              { header: 'Responsibilities', width: 50 },
              { header: 'Authorities', width: 40 },
            ],
            rows: roles.map((r) => [
              r.name,
              personCell(r.holder, r.holderLeft),
              r.deputy?.name ?? '',
              r.responsibilities,
              r.authorities,
            ]),
            empty: 'No governance roles are recorded.',
          },
        ],
      },
    ],
    filename: `ai-roles-and-responsibilities-${input.generatedAt.slice(0, 10)}`,
  };
}

/** The report of the organization's active roles, vacant ones first, then by name. */
export async function loadRolesReport(db: Executor, orgId: string, now = new Date()): Promise<Report> {
  const [org, rows] = await Promise.all([
    db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    db
      .selectFrom('governance_roles')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .orderBy('name_key')
      .orderBy('id')
      .execute(),
  ]);
  const roles = await presentRoles(db, orgId, rows);
  roles.sort((a, b) => Number(b.vacant) - Number(a.vacant));
  return buildRolesReport({ organization: org.name, roles, generatedAt: now.toISOString() });
}
