import type { Actor } from '../../platform/audit-log/audit-log.js';
import type { Db } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { StaleWrite } from '../../platform/register/index.js';
import { ANNEX_A_STYLE, type RowPatch, type SoaContent, type SoaCurrent, type ownControlCreateBody } from './soa.schemas.js';
import { controlRiskLinks } from '../risks/index.js';
import { findRow, isAnnexAId, LINKED_RISKS_SHOWN, nextOwnId, patchRow, riskNumbers, rowName } from './soa.rules.js';
import { currentContent, currentSoa, soa } from './soa.service.js';
import type { z } from 'zod';

// Edits of one row at a time (the SoA table's inline editing), and adding
// and removing own controls. Each reads the current content (draft, else the
// approved version, else the starting rows), changes it, and saves it as the
// draft through the versioned kit: one audited transaction. With If-Match the
// edit is refused (409 with the current SoA) when the draft changed since the
// client read it; without, a concurrent save of another row is retried on the
// new draft, so neither edit is lost.

const ATTEMPTS = 4;

async function stale(db: Db, orgId: string): Promise<never> {
  const current = await currentSoa(db, orgId);
  throw new StaleWrite('Statement of Applicability draft', current, current.etag);
}

async function edit(
  db: Db,
  actor: Actor,
  orgId: string,
  expected: string | null | undefined,
  change: (content: SoaContent) => SoaContent | Promise<SoaContent>,
): Promise<SoaCurrent> {
  for (let attempt = 1; ; attempt++) {
    const { content, draftUpdatedAt } = await currentContent(db, orgId);
    // A stale If-Match is a 409 before the change is judged: the client sees what changed first.
    if (expected !== undefined && expected !== draftUpdatedAt) return stale(db, orgId);
    const next = await change(content);
    try {
      await soa.saveDraft(db, actor, { orgId }, next, { expectedUpdatedAt: expected !== undefined ? expected : draftUpdatedAt });
      return currentSoa(db, orgId);
    } catch (e) {
      if (!(e instanceof StaleWrite)) throw e;
      if (expected !== undefined) return stale(db, orgId);
      if (attempt >= ATTEMPTS) throw e;
    }
  }
}

function locate(content: SoaContent, controlId: string) {
  const at = findRow(content, controlId);
  if (at) return at;
  if (ANNEX_A_STYLE.test(controlId) && !isAnnexAId(controlId))
    throw invalid([{ field: 'params.controlId', message: `"${controlId}" is not an Annex A control of the catalogue` }]);
  throw notFound(`Statement of Applicability row ${controlId}`);
}

/** PATCH /soa/rows/:controlId */
export function patchSoaRow(db: Db, actor: Actor, orgId: string, controlId: string, patch: RowPatch, expected?: string | null) {
  return edit(db, actor, orgId, expected, (content) => {
    const { content: next, errors } = patchRow(content, locate(content, controlId), patch);
    if (errors.length) throw invalid(errors);
    return next;
  });
}

/** POST /soa/own-controls */
export function addOwnControl(
  db: Db,
  actor: Actor,
  orgId: string,
  body: z.output<typeof ownControlCreateBody>,
  expected?: string | null,
) {
  return edit(db, actor, orgId, expected, (content) => {
    const controlId = body.controlId ?? nextOwnId(content);
    const taken = content.ownControls.some((c) => c.controlId.toLowerCase() === controlId.toLowerCase());
    const errors = [
      ...(taken ? [{ field: 'body.controlId', message: `${controlId} is used by another own control` }] : []),
      ...(!body.applicable && !body.justification.trim()
        ? [{ field: 'body.justification', message: `${rowName(controlId, body.title)} is excluded: give a justification` }]
        : []),
    ];
    if (errors.length) throw invalid(errors);
    return { ...content, ownControls: [...content.ownControls, { ...body, controlId }] };
  });
}

/**
 * DELETE /soa/own-controls/:controlId. Refused while a risk's treatment
 * relies on the control: the risk would point at nothing. Exclude it (with a
 * justification) or change those treatment actions first.
 */
export function removeOwnControl(db: Db, actor: Actor, orgId: string, controlId: string, expected?: string | null) {
  return edit(db, actor, orgId, expected, async (content) => {
    const at = locate(content, controlId);
    if (at.list !== 'ownControls')
      throw invalid([
        {
          field: 'params.controlId',
          message: 'an Annex A control always keeps its row; exclude it with a justification instead',
        },
      ]);
    const id = content.ownControls[at.index].controlId;
    const links = await controlRiskLinks(db, orgId, LINKED_RISKS_SHOWN);
    const count = links.counts.get(id) ?? 0;
    if (count)
      throw conflict(
        `${id} cannot be removed: the treatment of ${riskNumbers(links.top.get(id) ?? [], count)} relies on it. Change those treatment actions first, or exclude the control with a justification.`,
        [{ field: 'params.controlId', message: 'is relied on by risk treatment' }],
      );
    return { ...content, ownControls: content.ownControls.filter((_, i) => i !== at.index) };
  });
}
