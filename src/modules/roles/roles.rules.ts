// Pure rules of the governance roles register: what an auditor would flag
// about who holds a role.

export interface RoleFlag {
  code: 'vacant' | 'holder-left' | 'holder-is-deputy' | 'no-deputy';
  field: string;
  /** info: worth knowing, not a gap (a small organization may have no deputies) */
  level: 'warning' | 'info';
  message: string;
}

export interface PersonFacts {
  userId: string | null;
  name: string;
}

export interface RoleFacts {
  holder: PersonFacts | null;
  deputy: PersonFacts | null;
  /** the holder is a member whose membership ended or whose account is disabled */
  holderLeft: boolean;
}

/** The same person twice: the same member, or the same typed name when neither is a member. */
export function samePerson(a: PersonFacts | null, b: PersonFacts | null): boolean {
  if (!a || !b) return false;
  if (a.userId || b.userId) return a.userId === b.userId;
  // as the list's SQL filter compares them: lower-cased
  return a.name.trim().toLowerCase() === b.name.trim().toLowerCase();
}

/** How role names (and typed person names) compare: case and spacing do not count. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function roleFlags(r: RoleFacts): RoleFlag[] {
  const flags: RoleFlag[] = [];
  if (!r.holder) {
    flags.push({ code: 'vacant', field: 'holder', level: 'warning', message: 'Nobody holds this role.' });
  } else if (r.holderLeft) {
    flags.push({
      code: 'holder-left',
      field: 'holder',
      level: 'warning',
      message: `${r.holder.name} is no longer an active member of the organization; name a new holder.`,
    });
  }
  if (samePerson(r.holder, r.deputy)) {
    flags.push({
      code: 'holder-is-deputy',
      field: 'deputy',
      level: 'warning',
      message: 'The holder is also the deputy, so nobody stands in when they are away.',
    });
  } else if (!r.deputy) {
    flags.push({ code: 'no-deputy', field: 'deputy', level: 'info', message: 'No deputy is named for this role.' });
  }
  return flags;
}

/** Flags that make a role "flagged" in the list filter: warnings, not the info-level ones. */
export const isWarning = (f: RoleFlag) => f.level === 'warning';
