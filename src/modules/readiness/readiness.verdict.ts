// The shape of one rehearsed check and the small helpers every rule uses to
// build it: the records behind a verdict and the web path each one opens.

export const VERDICTS = ['pass', 'warn', 'fail', 'not-available'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The kinds of record a verdict points at: the link kinds of the modules that own them. */
export const RECORD_TYPES = [
  'scope',
  'document',
  'ai-system',
  'risk',
  'internal-audit',
  'management-review',
  'nonconformity',
  'evidence',
  'control',
  'supplier',
  'role',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface RecordRef {
  type: RecordType;
  id: string;
  label: string;
  /** the web app path that opens the record */
  href: string;
}

export interface CheckVerdict {
  id: string;
  title: string;
  status: Verdict;
  detail: string;
  records: RecordRef[];
  /** records left out of `records` (a verdict lists at most MAX_RECORDS) */
  moreRecords: number;
  /** what to do next, in words; null when the check passes */
  fix: string | null;
  /** the web app path where the fix is made */
  link: string;
}

/** A verdict over a thousand AI systems names the first fifty; the link opens the whole list. */
export const MAX_RECORDS = 50;

const PATHS: Record<RecordType, (id: string) => string> = {
  scope: () => 'scope',
  document: (id) => `documents/${id}`,
  'ai-system': (id) => `inventory/${id}`,
  risk: (id) => `risks/${id}`,
  'internal-audit': (id) => `internal-audits/${id}`,
  'management-review': (id) => `management-reviews/${id}`,
  nonconformity: (id) => `nonconformities/${id}`,
  evidence: (id) => `evidence/${id}`,
  control: () => 'soa',
  supplier: (id) => `suppliers/${id}`,
  role: (id) => `roles/${id}`,
};

export function record(orgId: string, type: RecordType, id: string, label: string): RecordRef {
  return { type, id, label, href: `/orgs/${orgId}/${PATHS[type](id)}` };
}

/** Builds a verdict: records capped, the link made absolute within the organization. */
export function verdict(
  orgId: string,
  head: { id: string; title: string },
  status: Verdict,
  detail: string,
  opts: { records?: RecordRef[]; fix?: string | null; link: string },
): CheckVerdict {
  const all = opts.records ?? [];
  return {
    ...head,
    status,
    detail,
    records: all.slice(0, MAX_RECORDS),
    moreRecords: Math.max(0, all.length - MAX_RECORDS),
    fix: status === 'pass' ? null : (opts.fix ?? null),
    link: `/orgs/${orgId}/${opts.link}`,
  };
}

/** The verdict of a check whose module or data source this installation does not have. */
export function notAvailable(orgId: string, head: { id: string; title: string }, what: string, link: string): CheckVerdict {
  return verdict(orgId, head, 'not-available', `${what} is not available in this installation, so this cannot be rehearsed.`, {
    link,
  });
}

/** "1 AI system", "7 AI systems" */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first few names of a list in words: "A, B, C and 4 more". */
export function listNames(names: string[], shown = 3): string {
  if (names.length <= shown) return names.join(', ');
  return `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}
