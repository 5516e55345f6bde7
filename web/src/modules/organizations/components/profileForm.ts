import { newKey } from '../../../shared/keys';
import type { Profile, ProfileInput } from '../hooks/useProfile';

// The profile as the form edits it: strings where the user types, a client key
// per list item. toProfileInput turns it back into exactly the PUT body.

export type AiRole = ProfileInput['aiRoles'][number];
export type Standard = ProfileInput['certifications'][number]['standard'];

export interface SiteDraft {
  key: string;
  id?: string;
  name: string;
  address: string;
  country: string | null;
}

export interface CertificationDraft {
  key: string;
  standard: Standard;
  name: string;
  certificateNumber: string;
  certificationBody: string;
  expiresOn: string;
}

export interface ProfileDraft {
  legalName: string;
  country: string | null;
  employeeCount: number | string;
  sector: string;
  aiRoles: AiRole[];
  sites: SiteDraft[];
  certifications: CertificationDraft[];
  targetMarkets: string[];
}

export const AI_ROLE_OPTIONS: { value: AiRole; label: string; description: string }[] = [
  { value: 'provider', label: 'AI provider', description: 'Makes AI systems or services available to others.' },
  { value: 'producer', label: 'AI producer (developer)', description: 'Designs, develops, tests or deploys AI systems.' },
  { value: 'customer', label: 'AI customer (user)', description: 'Uses AI systems or services from others.' },
  { value: 'partner', label: 'AI partner', description: 'Supplies data, tools, integration or evaluation to others’ AI.' },
];

export const STANDARD_OPTIONS: { value: Standard; label: string }[] = [
  { value: 'ISO/IEC 27001', label: 'ISO/IEC 27001 (information security)' },
  { value: 'ISO 9001', label: 'ISO 9001 (quality)' },
  { value: 'other', label: 'Other standard' },
];

export const emptySite = (): SiteDraft => ({ key: newKey(), name: '', address: '', country: null });

export const emptyCertification = (): CertificationDraft => ({
  key: newKey(),
  standard: 'ISO/IEC 27001',
  name: '',
  certificateNumber: '',
  certificationBody: '',
  expiresOn: '',
});

export function toProfileDraft(p: Profile): ProfileDraft {
  return {
    legalName: p.legalName ?? '',
    country: p.country,
    employeeCount: p.employeeCount ?? '',
    sector: p.sector ?? '',
    aiRoles: [...p.aiRoles],
    sites: p.sites.map((s) => ({ key: newKey(), id: s.id, name: s.name, address: s.address, country: s.country })),
    certifications: p.certifications.map((c) => ({
      key: newKey(),
      standard: c.standard,
      name: c.name ?? '',
      certificateNumber: c.certificateNumber ?? '',
      certificationBody: c.certificationBody ?? '',
      expiresOn: c.expiresOn ?? '',
    })),
    targetMarkets: [...p.targetMarkets],
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const orOmit = (s: string) => (s.trim() ? s.trim() : undefined);

export function toProfileInput(d: ProfileDraft): ProfileInput {
  return {
    legalName: orNull(d.legalName),
    country: d.country,
    employeeCount: d.employeeCount === '' ? null : Number(d.employeeCount),
    sector: orNull(d.sector),
    aiRoles: d.aiRoles,
    // an empty country goes as '' so the server names the field that is missing
    sites: d.sites.map((s) => ({ ...(s.id ? { id: s.id } : {}), name: s.name, address: s.address, country: s.country ?? '' })),
    certifications: d.certifications.map((c) => ({
      standard: c.standard,
      name: c.standard === 'other' ? orOmit(c.name) : undefined,
      certificateNumber: orOmit(c.certificateNumber),
      certificationBody: orOmit(c.certificationBody),
      expiresOn: orOmit(c.expiresOn),
    })),
    targetMarkets: d.targetMarkets,
  };
}
