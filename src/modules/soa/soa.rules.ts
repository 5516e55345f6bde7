import { ANNEX_A } from '../../catalogue/index.js';
import type { FieldError } from '../../platform/http/errors.js';
import type { Person } from '../../platform/refs/index.js';
import type { AnnexARow, LinkedRisk, OwnControl, RowPatch, SoaCheck, SoaContent, SoaRow } from './soa.schemas.js';

// The rules of the Statement of Applicability, pure (no I/O):
// - every Annex A control has exactly one row, whatever was stored or sent:
//   reading fills missing rows, saving refuses a content without one;
// - ids of the Annex A kind must be the catalogue's; own controls have ids of
//   their own, unique in the SoA;
// - an exclusion needs a justification, always (400 on save);
// - an inclusion needs one too, but only to approve: while a draft is being
//   filled in, 38 empty justifications are normal, so approving without one
//   is a warning the approver must accept with a reason; a control that
//   treats risks is justified by them (the linked risks are the reason);
// - excluding a control a risk's treatment relies on is a warning naming the
//   risks: approving it needs a reason.

export const ANNEX_A_IDS: readonly string[] = ANNEX_A.map((c) => c.id);
const annexById = new Map(ANNEX_A.map((c) => [c.id, c]));

export const isAnnexAId = (id: string) => annexById.has(id);

export function defaultAnnexRow(controlId: string): AnnexARow {
  return {
    controlId,
    applicable: true,
    justification: '',
    implementationStatus: 'not-implemented',
    implementation: '',
    owner: null,
  };
}

/** A new SoA: every Annex A control, included, nothing implemented, no own controls. */
export function startingContent(): SoaContent {
  return { annexA: ANNEX_A_IDS.map(defaultAnnexRow), ownControls: [] };
}

/**
 * Stored content brought to the current shape: a missing Annex A row is filled
 * with the starting row, rows come in catalogue order, and a row whose id the
 * catalogue no longer holds is left out (it cannot be a valid row; the audit
 * log keeps what was stored).
 */
export function fillRows(stored: unknown): SoaContent {
  const s = (stored ?? {}) as Partial<SoaContent>;
  const given = new Map<string, AnnexARow>();
  for (const r of Array.isArray(s.annexA) ? s.annexA : [])
    if (isAnnexAId(r?.controlId) && !given.has(r.controlId)) given.set(r.controlId, r);
  return {
    annexA: ANNEX_A_IDS.map((id) => given.get(id) ?? defaultAnnexRow(id)),
    ownControls: Array.isArray(s.ownControls) ? s.ownControls : [],
  };
}

/** How a row is named in a message: "A.6.2.6 AI system verification and validation". */
export function rowName(controlId: string, ownTitle?: string): string {
  const title = annexById.get(controlId)?.title ?? ownTitle;
  return title ? `${controlId} ${title}` : controlId;
}

/**
 * What the content schema cannot check: errors naming each field under `at`
 * (e.g. "body.content"). Empty when the content may be saved.
 */
export function contentErrors(content: SoaContent, at = 'body.content'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  content.annexA.forEach((r, i) => {
    if (!isAnnexAId(r.controlId))
      errors.push({
        field: `${at}.annexA.${i}.controlId`,
        message: `"${r.controlId}" is not an Annex A control of the catalogue`,
      });
    else if (seen.has(r.controlId))
      errors.push({ field: `${at}.annexA.${i}.controlId`, message: `${r.controlId} has a row already` });
    seen.add(r.controlId);
    if (!r.applicable && !r.justification.trim())
      errors.push({
        field: `${at}.annexA.${i}.justification`,
        message: `${rowName(r.controlId)} is excluded: give a justification`,
      });
  });
  const missing = ANNEX_A_IDS.filter((id) => !seen.has(id));
  if (missing.length)
    errors.push({
      field: `${at}.annexA`,
      message: `every Annex A control keeps its row (exclude it instead of removing it); missing: ${missing.join(', ')}`,
    });
  const own = new Set<string>();
  content.ownControls.forEach((c, i) => {
    const key = c.controlId.toLowerCase();
    if (own.has(key))
      errors.push({ field: `${at}.ownControls.${i}.controlId`, message: `${c.controlId} is used by another own control` });
    own.add(key);
    if (!c.applicable && !c.justification.trim())
      errors.push({
        field: `${at}.ownControls.${i}.justification`,
        message: `${rowName(c.controlId, c.title)} is excluded: give a justification`,
      });
  });
  return errors;
}

export const riskLabel = (r: Pick<LinkedRisk, 'number'>) => r.number;

/** How many risks a row lists at most; the rest are counted ("and 123 more") and listed by GET /risks?controlId=. */
export const LINKED_RISKS_SHOWN = 20;

/**
 * The current risks whose treatment relies on each control (Annex A id or
 * own control id): how many, and the first few of them (the risk register
 * orders them, highest residual level first). Flags need only the counts.
 */
export interface ControlLinks {
  counts: ReadonlyMap<string, number>;
  top: ReadonlyMap<string, readonly LinkedRisk[]>;
}

export const NO_LINKS: ControlLinks = { counts: new Map(), top: new Map() };

/** The shown risks' numbers and how many more: "R-001, R-002 … and 123 more". */
export function riskNumbers(shown: readonly Pick<LinkedRisk, 'number'>[], count: number, separator = ', '): string {
  const more = count - shown.length;
  const list = shown.map(riskLabel).join(separator);
  return more > 0 ? `${list} … and ${more} more` : list;
}

/** "risk R-004" or "risks … and 7 more". */
const risksPhrase = (links: ControlLinks, id: string, count: number) =>
  `${count === 1 ? 'risk' : 'risks'} ${riskNumbers(links.top.get(id) ?? [], count)}`;

/** The checks of a content given the risks whose treatment relies on each control. */
export function soaChecks(content: SoaContent, links: ControlLinks): SoaCheck[] {
  const checks: SoaCheck[] = [];
  const rowChecks = (list: 'annexA' | 'ownControls', r: AnnexARow | OwnControl, i: number, title?: string) => {
    const count = links.counts.get(r.controlId) ?? 0;
    if (!r.applicable && count)
      checks.push({
        code: 'excluded-control-treats-risks',
        severity: 'warning',
        field: `${list}.${i}.applicable`,
        message: `${rowName(r.controlId, title)} is excluded, but the treatment of ${risksPhrase(links, r.controlId, count)} relies on it`,
      });
    if (r.applicable && !r.justification.trim() && count === 0)
      checks.push({
        code: 'inclusion-without-justification',
        severity: 'warning',
        field: `${list}.${i}.justification`,
        message: `${rowName(r.controlId, title)} is included without a justification (a risk it treats, a requirement, a customer commitment)`,
      });
    if (
      (r.implementationStatus === 'implemented' || r.implementationStatus === 'partially-implemented') &&
      !r.implementation.trim()
    )
      checks.push({
        code: 'implementation-not-described',
        severity: 'info',
        field: `${list}.${i}.implementation`,
        message: `${rowName(r.controlId, title)} is marked ${r.implementationStatus.replace('-', ' ')} without saying how`,
      });
  };
  content.annexA.forEach((r, i) => {
    rowChecks('annexA', r, i);
  });
  content.ownControls.forEach((c, i) => {
    rowChecks('ownControls', c, i, c.title);
  });
  // A treatment may rely on an own control a later draft dropped (it was in the approved version when linked).
  const present = new Set(content.ownControls.map((c) => c.controlId));
  for (const [id, count] of links.counts)
    if (!isAnnexAId(id) && !present.has(id) && count)
      checks.push({
        code: 'treated-control-missing',
        severity: 'warning',
        field: 'ownControls',
        message: `${id} is not in this SoA, but the treatment of ${risksPhrase(links, id, count)} relies on it`,
      });
  return checks;
}

export interface RowContext {
  links: ControlLinks;
  /** evidence per control (the evidence register's evidenceForControls) */
  evidence?: ReadonlyMap<string, { count: number; valid: number; items: SoaRow['linkedEvidence'] }>;
  /** members' current names by user id */
  memberNames: ReadonlyMap<string, string>;
}

function ownerOf(p: AnnexARow['owner'], names: ReadonlyMap<string, string>): Person | null {
  if (!p) return null;
  return { userId: p.userId, name: (p.userId && names.get(p.userId)) || p.name, ...(p.email ? { email: p.email } : {}) };
}

/** The rows as read: Annex A in catalogue order, then own controls as ordered, each with its links and flags. */
export function buildRows(content: SoaContent, ctx: RowContext, checks = soaChecks(content, ctx.links)): SoaRow[] {
  const flags = new Map<string, SoaCheck[]>();
  for (const c of checks) {
    const key = c.field.split('.').slice(0, 2).join('.');
    flags.set(key, [...(flags.get(key) ?? []), c]);
  }
  const common = (r: AnnexARow | OwnControl, key: string) => ({
    applicable: r.applicable,
    justification: r.justification,
    implementationStatus: r.implementationStatus,
    implementation: r.implementation,
    owner: ownerOf(r.owner, ctx.memberNames),
    linkedRiskCount: ctx.links.counts.get(r.controlId) ?? 0,
    linkedRisks: [...(ctx.links.top.get(r.controlId) ?? [])].slice(0, LINKED_RISKS_SHOWN),
    evidenceCount: ctx.evidence?.get(r.controlId)?.count ?? 0,
    validEvidenceCount: ctx.evidence?.get(r.controlId)?.valid ?? 0,
    linkedEvidence: ctx.evidence?.get(r.controlId)?.items ?? [],
    flags: flags.get(key) ?? [],
  });
  return [
    ...content.annexA.map((r, i) => {
      const c = annexById.get(r.controlId);
      return {
        controlId: r.controlId,
        kind: 'annex-a' as const,
        title: c?.title ?? r.controlId,
        description: '',
        group: c?.subgroup ?? c?.group ?? null,
        groupTitle: c?.subgroupTitle ?? c?.groupTitle ?? null,
        ...common(r, `annexA.${i}`),
      };
    }),
    ...content.ownControls.map((r, i) => ({
      controlId: r.controlId,
      kind: 'own' as const,
      title: r.title,
      description: r.description,
      group: null,
      groupTitle: null,
      ...common(r, `ownControls.${i}`),
    })),
  ];
}

/** The next free generated own control id: OC-01, OC-02, ... */
export function nextOwnId(content: SoaContent): string {
  const taken = new Set(content.ownControls.map((c) => c.controlId.toLowerCase()));
  for (let n = 1; ; n++) {
    const id = `OC-${String(n).padStart(2, '0')}`;
    if (!taken.has(id.toLowerCase())) return id;
  }
}

/** Where a control's row sits, or null. Annex A ids match exactly; own ids ignoring case. */
export function findRow(content: SoaContent, controlId: string): { list: 'annexA' | 'ownControls'; index: number } | null {
  const a = content.annexA.findIndex((r) => r.controlId === controlId);
  if (a >= 0) return { list: 'annexA', index: a };
  const o = content.ownControls.findIndex((r) => r.controlId.toLowerCase() === controlId.toLowerCase());
  return o >= 0 ? { list: 'ownControls', index: o } : null;
}

/**
 * The content with one row changed. Title and description are an own
 * control's; on an Annex A row they are errors on the body's fields. Content
 * errors are reported as the body's fields too (body.justification).
 */
export function patchRow(
  content: SoaContent,
  at: { list: 'annexA' | 'ownControls'; index: number },
  patch: RowPatch,
): { content: SoaContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { title, description, ...decisions } = patch;
  const defined = Object.fromEntries(Object.entries(decisions).filter(([, v]) => v !== undefined));
  let next: SoaContent;
  if (at.list === 'annexA') {
    if (title !== undefined) errors.push({ field: 'body.title', message: 'an Annex A control keeps its catalogue title' });
    if (description !== undefined)
      errors.push({ field: 'body.description', message: 'an Annex A control has no description of its own' });
    next = { ...content, annexA: content.annexA.map((r, i) => (i === at.index ? { ...r, ...defined } : r)) };
  } else {
    const own = { ...defined, ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}) };
    next = { ...content, ownControls: content.ownControls.map((r, i) => (i === at.index ? { ...r, ...own } : r)) };
  }
  const prefix = `body.content.${at.list}.${at.index}.`;
  for (const e of contentErrors(next))
    if (e.field.startsWith(prefix)) errors.push({ field: `body.${e.field.slice(prefix.length)}`, message: e.message });
  return { content: next, errors };
}
