import { type OwnerDraft, toOwnerDraft, toOwnerInput } from '../../../shared/org/OwnerInput';
import type { ProgrammeContent } from '../hooks/useAuditProgramme';
import type { AuditMethod } from '../labels';

// The programme form's state: dates and the number as typed, the owner as
// the owner input holds it; and its conversion to the content the API takes.

export interface ProgrammeForm {
  cycleStart: string;
  /** '' for the default: three years from the start */
  cycleEnd: string;
  frequencyText: string;
  auditsPerYear: string;
  methods: AuditMethod[];
  responsibilities: string;
  owner: OwnerDraft;
  reporting: string;
  independence: string;
}

/** A new programme: this year's cycle, one audit a year, the usual methods. */
export function starting(today = new Date()): ProgrammeContent {
  return {
    cycleStart: `${today.getUTCFullYear()}-01-01`,
    cycleEnd: null,
    frequency: { text: '', auditsPerYear: 1 },
    methods: ['interview', 'document-review', 'record-sampling'],
    responsibilities: '',
    owner: null,
    reporting: '',
    independence: '',
  };
}

export function toForm(c: ProgrammeContent): ProgrammeForm {
  return {
    cycleStart: c.cycleStart,
    cycleEnd: c.cycleEnd ?? '',
    frequencyText: c.frequency.text ?? '',
    auditsPerYear: String(c.frequency.auditsPerYear),
    methods: [...(c.methods as AuditMethod[])],
    responsibilities: c.responsibilities ?? '',
    owner: toOwnerDraft(c.owner ?? null),
    reporting: c.reporting ?? '',
    independence: c.independence ?? '',
  };
}

export function toContent(f: ProgrammeForm): ProgrammeContent {
  const n = f.auditsPerYear.trim() === '' ? Number.NaN : Number(f.auditsPerYear);
  const owner = toOwnerInput(f.owner);
  return {
    cycleStart: f.cycleStart,
    cycleEnd: f.cycleEnd || null,
    frequency: { text: f.frequencyText.trim(), auditsPerYear: Number.isNaN(n) ? -1 : n },
    methods: f.methods,
    responsibilities: f.responsibilities.trim(),
    owner: owner ? { userId: owner.userId, name: owner.name, ...(owner.email ? { email: owner.email } : {}) } : null,
    reporting: f.reporting.trim(),
    independence: f.independence.trim(),
  };
}

const norm = (c: ProgrammeContent) =>
  JSON.stringify({
    ...c,
    cycleEnd: c.cycleEnd ?? null,
    methods: [...c.methods].sort(),
    owner: c.owner ? { userId: c.owner.userId ?? null, name: c.owner.name ?? '', email: c.owner.email ?? '' } : null,
    frequency: { text: c.frequency.text ?? '', auditsPerYear: c.frequency.auditsPerYear },
    responsibilities: c.responsibilities ?? '',
    reporting: c.reporting ?? '',
    independence: c.independence ?? '',
  });

export const sameContent = (a: ProgrammeContent, b: ProgrammeContent) => norm(a) === norm(b);

/** The default end of a cycle that starts on `start`: three years on, less a day. */
export function defaultEnd(start: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return null;
  const d = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCFullYear(d.getUTCFullYear() + 3);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
