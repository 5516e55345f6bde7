// Evidence sampling as a Stage 2 auditor does it: for each applicable control
// of the Statement of Applicability, draw up to three of its evidence items at
// random and look at each. The draw is seeded (by default with the day), so a
// day's rehearsal shows the same sample on every reload and every app process;
// another seed redraws. No I/O.
import type { ControlSample, ReadinessFacts } from './readiness.facts.js';
import { type CheckVerdict, count, listNames, record, verdict } from './readiness.verdict.js';

export const SAMPLE_CHECK = { id: 'evidence-sampling', title: 'Evidence sampling' } as const;
export const ITEMS_PER_CONTROL = 3;
/**
 * Thresholds: a control fails the sample when it has no evidence (unlinked)
 * or a sampled item has expired (stale). No such control: pass; up to this
 * share of the applicable controls: warn; more: fail.
 */
export const WARN_SHARE = 0.2;

/** FNV-1a: a 32-bit hash of the seed and the control, the PRNG's start. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, and the same sequence on every platform for a seed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The places (0-based, in the control's items sorted by id) of up to `per`
 * items drawn without replacement from `n`. Each control draws from its own
 * stream (seed + control id), so adding evidence to one control leaves the
 * others' samples as they were. Only the count is needed: the evidence
 * module reads the few items at these places, not the whole pool.
 */
export function drawPositions(n: number, seed: string, controlId: string, per = ITEMS_PER_CONTROL): number[] {
  const next = prng(hash(`${seed}:${controlId}`));
  const take = Math.min(per, n);
  // a partial Fisher-Yates shuffle over the places: only the swapped ones are kept
  const moved = new Map<number, number>();
  const at = (i: number) => moved.get(i) ?? i;
  const out: number[] = [];
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(next() * (n - i));
    const picked = at(j);
    moved.set(j, at(i));
    out.push(picked);
  }
  return out;
}

/** Up to `per` item ids per control, drawn as drawPositions does over each control's ids sorted. */
export function drawSample(idsByControl: Map<string, string[]>, seed: string, per = ITEMS_PER_CONTROL): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [controlId, ids] of idsByControl) {
    const pool = [...ids].sort();
    out.set(
      controlId,
      drawPositions(pool.length, seed, controlId, per).map((i) => pool[i]),
    );
  }
  return out;
}

export type SampleStatus = 'ok' | 'stale' | 'unlinked';

export function sampleStatus(c: ControlSample): SampleStatus {
  if (c.linked === 0 || c.items.length === 0) return 'unlinked';
  return c.items.some((i) => i.stale) ? 'stale' : 'ok';
}

export function evidenceSamplingCheck({ orgId, sample }: ReadinessFacts): CheckVerdict {
  const head = SAMPLE_CHECK;
  if (sample === undefined)
    return verdict(orgId, head, 'not-available', 'The evidence register is not available in this installation.', {
      link: 'evidence',
    });
  if (sample === null || sample.controls.length === 0)
    return verdict(
      orgId,
      head,
      'fail',
      sample === null
        ? 'No Statement of Applicability yet: there are no applicable controls to sample evidence for.'
        : 'The Statement of Applicability marks no control applicable.',
      { fix: 'Decide which Annex A controls apply and why in the Statement of Applicability.', link: 'soa' },
    );
  const unlinked = sample.controls.filter((c) => sampleStatus(c) === 'unlinked');
  const stale = sample.controls.filter((c) => sampleStatus(c) === 'stale');
  const total = sample.controls.length;
  const sampled = sample.controls.reduce((n, c) => n + c.items.length, 0);
  const bad = unlinked.length + stale.length;
  if (bad === 0)
    return verdict(
      orgId,
      head,
      'pass',
      `${count(sampled, 'item')} sampled across ${count(total, 'applicable control')}: all current.`,
      { link: 'evidence/coverage' },
    );
  const staleItems = stale.flatMap((c) => c.items.filter((i) => i.stale));
  const records = [
    ...unlinked.map((c) => record(orgId, 'control', c.controlId, `${c.controlId} ${c.title}`)),
    ...staleItems.map((i) => record(orgId, 'evidence', i.id, `${i.number} ${i.title}`)),
  ];
  const parts = [
    unlinked.length
      ? `${count(unlinked.length, 'control')} with no evidence (${listNames(unlinked.map((c) => c.controlId))})`
      : '',
    stale.length ? `${count(stale.length, 'control')} whose sample holds expired evidence` : '',
  ].filter(Boolean);
  const status = bad / total > WARN_SHARE ? 'fail' : 'warn';
  return verdict(
    orgId,
    head,
    status,
    `${count(sampled, 'item')} sampled across ${count(total, 'applicable control')}: ${parts.join('; ')}.`,
    {
      records,
      fix: 'File current evidence for the controls listed and replace the expired items.',
      link: unlinked.length ? 'evidence/new' : 'evidence',
    },
  );
}
