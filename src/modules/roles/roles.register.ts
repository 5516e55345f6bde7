import { type ExpressionBuilder, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import type { DB, Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { type Person, type PersonRef, personColumns, resolvePeople, toPerson } from '../../platform/refs/index.js';
import type { RegisterDefinition } from '../../platform/register/index.js';
import { activeMembers, holderLeftSql } from './roles.members.js';
import { nameKey, roleFlags } from './roles.rules.js';
import type { Role, RoleInput, RoleKey } from './roles.schemas.js';

// The governance roles register on the register kit: how a role is stored,
// checked (members, one name per organization) and presented with its flags.

export const holderOf = (r: Row<'governance_roles'>) => toPerson(r.holder_user_id, r.holder_name, r.holder_email);
export const deputyOf = (r: Row<'governance_roles'>) => toPerson(r.deputy_user_id, r.deputy_name, r.deputy_email);

export function rowToInput(r: Row<'governance_roles'>): RoleInput {
  return {
    key: r.key,
    name: r.name,
    responsibilities: r.responsibilities,
    authorities: r.authorities,
    holder: holderOf(r),
    deputy: deputyOf(r),
    notes: r.notes,
  };
}

export function roleColumns(input: RoleInput) {
  const holder = personColumns(input.holder);
  const deputy = personColumns(input.deputy);
  return {
    key: input.key,
    name: input.name,
    name_key: nameKey(input.name),
    responsibilities: input.responsibilities,
    authorities: input.authorities,
    holder_user_id: holder.user_id,
    holder_name: holder.name,
    holder_email: holder.email,
    deputy_user_id: deputy.user_id,
    deputy_name: deputy.name,
    deputy_email: deputy.email,
    notes: input.notes,
  };
}

/** Roles with their derived state; `active` holds the members still with the organization. */
export function toRole(r: Row<'governance_roles'>, active: Set<string>): Role {
  const holder = holderOf(r);
  const deputy = deputyOf(r);
  const holderLeft = !!r.holder_user_id && !active.has(r.holder_user_id);
  return {
    id: r.id,
    key: r.key as RoleKey | null,
    name: r.name,
    responsibilities: r.responsibilities,
    authorities: r.authorities,
    holder,
    deputy,
    notes: r.notes,
    vacant: holder === null,
    holderLeft,
    flags: roleFlags({ holder, deputy, holderLeft }),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
  };
}

export async function presentRoles(db: Executor, orgId: string, rows: Row<'governance_roles'>[]): Promise<Role[]> {
  const active = await activeMembers(
    db,
    orgId,
    rows.map((r) => r.holder_user_id),
  );
  return rows.map((r) => toRole(r, active));
}

/**
 * Members named in the request are checked against the organization; a
 * person the role already names is kept as stored, so a role whose holder has
 * left can still be edited (its flag says to replace them).
 */
async function resolveRolePeople(tx: Executor, orgId: string, input: RoleInput, stored: Row<'governance_roles'> | undefined) {
  const kept = (field: 'holder' | 'deputy', p: PersonRef | Person | null): Person | null | undefined => {
    if (!p?.userId || !stored) return undefined;
    const before = field === 'holder' ? holderOf(stored) : deputyOf(stored);
    return before?.userId === p.userId ? before : undefined;
  };
  const keptHolder = kept('holder', input.holder);
  const keptDeputy = kept('deputy', input.deputy);
  const fields = [
    { field: 'body.holder', person: keptHolder === undefined ? input.holder : null },
    { field: 'body.deputy', person: keptDeputy === undefined ? input.deputy : null },
  ];
  const { people, errors } = await resolvePeople(tx, orgId, fields);
  return {
    holder: keptHolder ?? people[0],
    deputy: keptDeputy ?? people[1],
    errors,
  };
}

export const roleRegister: RegisterDefinition<'governance_roles', RoleInput, Role> = {
  table: 'governance_roles',
  entityType: 'governance_role',
  noun: 'role',
  defaults: { key: null },
  async context() {
    return undefined;
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns: roleColumns,
  present: (db, orgId, rows) => presentRoles(db, orgId, rows),
  async prepare(tx, orgId, input, _ctx, id) {
    const stored = await tx
      .selectFrom('governance_roles')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    const errors: FieldError[] = [];
    const taken = await tx
      .selectFrom('governance_roles')
      .select(['id', 'archived_at'])
      .where('org_id', '=', orgId)
      .where('name_key', '=', nameKey(input.name))
      .where('id', '!=', id)
      .executeTakeFirst();
    if (taken)
      errors.push({
        field: 'body.name',
        message: taken.archived_at
          ? 'is the name of an archived role; restore that role or choose another name'
          : 'is already the name of another role',
      });
    const people = await resolveRolePeople(tx, orgId, input, stored);
    errors.push(...people.errors);
    return { value: { ...input, holder: people.holder, deputy: people.deputy }, errors };
  },
  list: {
    sorts: {
      // vacant roles first: '0' sorts before '1', then by name
      vacancy: {
        expression: (eb) =>
          sql`(case when ${eb.ref('governance_roles.holder_user_id')} is null and ${eb.ref('governance_roles.holder_name')} is null then '0' else '1' end) || ${eb.ref('governance_roles.name_key')}`,
        value: (r) => `${r.holder_user_id === null && r.holder_name === null ? '0' : '1'}${r.name_key}`,
      },
      name: { expression: (eb) => eb.ref('governance_roles.name_key'), value: (r) => r.name_key },
      updatedAt: { expression: (eb) => eb.ref('governance_roles.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: 'vacancy',
    filter(query, q) {
      let out = query;
      const vacant = (eb: ExpressionBuilder<DB, 'governance_roles'>) =>
        eb.and([eb('holder_user_id', 'is', null), eb('holder_name', 'is', null)]);
      if (typeof q.q === 'string' && q.q) {
        const like = `%${q.q.trim().toLowerCase()}%`;
        out = out.where((eb) => eb.or([eb('name_key', 'like', like), eb(eb.fn('lower', ['holder_name']), 'like', like)]));
      }
      if (q.vacant === true) out = out.where(vacant);
      if (q.vacant === false) out = out.where((eb) => eb.not(vacant(eb)));
      if (typeof q.memberUserId === 'string') {
        const userId = q.memberUserId;
        out = out.where((eb) => eb.or([eb('holder_user_id', '=', userId), eb('deputy_user_id', '=', userId)]));
      }
      if (q.flagged === true)
        out = out.where((eb) =>
          eb.or([
            vacant(eb),
            holderLeftSql(eb),
            eb.and([eb('holder_user_id', 'is not', null), eb('holder_user_id', '=', eb.ref('deputy_user_id'))]),
            eb.and([
              eb('holder_user_id', 'is', null),
              eb('deputy_user_id', 'is', null),
              eb(eb.fn('lower', ['holder_name']), '=', eb.fn('lower', ['deputy_name'])),
            ]),
          ]),
        );
      return out;
    },
  },
};
