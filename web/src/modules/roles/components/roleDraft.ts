import { type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import type { Role, RoleInput } from '../hooks/useRoles';

// The role form's state: holder and deputy as the person input holds them,
// and the conversion to the API's body.

export interface RoleDraft {
  name: string;
  responsibilities: string;
  authorities: string;
  holder: OwnerDraft;
  deputy: OwnerDraft;
  notes: string;
}

export function toRoleDraft(r: Role | null): RoleDraft {
  return {
    name: r?.name ?? '',
    responsibilities: r?.responsibilities ?? '',
    authorities: r?.authorities ?? '',
    holder: toOwnerDraft(r?.holder),
    deputy: toOwnerDraft(r?.deputy),
    notes: r?.notes ?? '',
  };
}

export function toRoleInput(d: RoleDraft): RoleInput {
  return {
    name: d.name.trim(),
    responsibilities: d.responsibilities.trim(),
    authorities: d.authorities.trim(),
    holder: toOwnerInput(d.holder),
    deputy: toOwnerInput(d.deputy),
    notes: d.notes.trim(),
  };
}

/** The values as the conflict dialog compares them: people by name. */
export function conflictView(d: RoleDraft): Record<string, unknown> {
  return {
    ...toRoleInput(d),
    holder: d.holder.name.trim() || null,
    deputy: d.deputy.name.trim() || null,
  };
}
