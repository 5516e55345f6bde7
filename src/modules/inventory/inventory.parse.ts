import { requiredLine } from '../../platform/http/fields.js';
import { fold } from '../../platform/text.js';
import {
  ENUMS,
  type EnumSpec,
  enumError,
  type ImportField,
  matchEnum,
  matchKey,
  MULTI_FIELDS,
  parseInScope,
  parseSupplierRef,
  type SupplierRef,
  splitMulti,
} from './inventory.columns.js';
import type { ImportRecord } from './inventory.records.js';
import type { PersonRef as Owner } from '../../platform/refs/index.js';
import type { AiSystemInput } from './inventory.schemas.js';

// From an import record's text to typed fields: enum values, dates, the
// organization's risk scale, members as owners, supplier references. Each
// value that cannot be read is reported against its field; the whole record
// is then checked by the AI system schema in the import itself.

export interface Member {
  userId: string;
  name: string;
}

export interface ParseContext {
  riskScale: string[];
  byEmail: Map<string, Member>;
  /** name key -> member, or null when two members share it */
  byName: Map<string, Member | null>;
}

export type Fields = Partial<Omit<AiSystemInput, 'suppliers'>>;

export interface Parsed {
  fields: Fields;
  /** suppliers named by the record, when it has the column */
  suppliers?: SupplierRef[];
}

export type Report = (field: ImportField, message: string) => void;

export const unique = <T>(items: T[]) => [...new Set(items)];

export function membersContext(riskScale: string[], members: { userId: string; email: string; name: string }[]): ParseContext {
  const byName = new Map<string, Member | null>();
  for (const m of members) byName.set(matchKey(m.name), byName.has(matchKey(m.name)) ? null : m);
  return { riskScale, byEmail: new Map(members.map((m) => [m.email.toLowerCase(), m])), byName };
}

function owner(value: string, ctx: ParseContext): Owner | null {
  if (!value) return null;
  const member = ctx.byEmail.get(value.toLowerCase()) ?? ctx.byName.get(matchKey(value));
  return member ? { userId: member.userId, name: member.name } : { userId: null, name: value };
}

function date(value: string, field: ImportField, report: Report): string | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    report(field, `"${value}" is not a date as YYYY-MM-DD`);
    return null;
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || !d.toISOString().startsWith(value)) {
    report(field, `${value} is not a real calendar date`);
    return null;
  }
  return value;
}

function enumValue(value: string, spec: EnumSpec, field: ImportField, report: Report): string | null {
  if (!value) return null;
  const found = matchEnum(value, spec);
  if (!found) report(field, enumError(value, spec));
  return found;
}

// Built once: building a zod schema costs more than using it.
const supplierName = requiredLine(200);

/** Turns a record's text into typed fields, reporting each value that cannot be. */
export function parseRecord(record: ImportRecord, ctx: ParseContext, report: Report): Parsed {
  const fields: Record<string, unknown> = {};
  const out: Parsed = { fields: fields as Fields };
  for (const [key, raw] of Object.entries(record.values)) {
    const field = key as ImportField;
    const items = Array.isArray(raw) ? raw.map((s) => s.trim()).filter(Boolean) : MULTI_FIELDS.has(field) ? splitMulti(raw) : [];
    const value = Array.isArray(raw) ? raw.join('; ').trim() : raw.trim();
    switch (field) {
      case 'externalId':
      case 'name':
      case 'purpose':
      case 'dataSource':
      case 'monitoringMethod':
      case 'intendedUse':
      case 'foreseeableMisuse':
      case 'humanOversight':
        fields[field] = field === 'externalId' ? value || null : value;
        break;
      case 'businessOwner':
      case 'technicalOwner':
        fields[field] = owner(value, ctx);
        break;
      case 'kind':
      case 'aiRole':
      case 'lifecycleStage':
      case 'dataSensitivity':
        fields[field] = enumValue(value, ENUMS[field], field, report);
        break;
      case 'userImpact':
        fields[field] = unique(items.map((v) => enumValue(v, ENUMS.userImpact, field, report)).filter(Boolean));
        break;
      case 'dataCategories':
      case 'tags':
        fields[field] = unique(items);
        break;
      case 'riskLevel': {
        const level = value ? ctx.riskScale.find((s) => fold(s) === fold(value)) : null;
        if (value && !level)
          report(field, `"${value}" is not on the organization's risk scale; use one of: ${ctx.riskScale.join(', ')}`);
        fields[field] = level ?? null;
        break;
      }
      case 'inScope': {
        const v = parseInScope(value);
        if (v === undefined) report(field, `"${value}" is not yes, no or empty (undecided)`);
        fields[field] = v ?? null;
        break;
      }
      case 'deploymentDate':
      case 'lastReviewDate':
        fields[field] = date(value, field, report);
        break;
      case 'suppliers': {
        const refs: SupplierRef[] = [];
        for (const item of items) {
          const ref = parseSupplierRef(item);
          if ('error' in ref) report(field, ref.error);
          else if (!supplierName.safeParse(ref.name).success)
            report(field, `supplier name "${ref.name.slice(0, 50)}" must be one line of at most 200 characters`);
          else if (refs.some((r) => r.nameKey === ref.nameKey)) report(field, `names the supplier "${ref.name}" twice`);
          else refs.push(ref);
        }
        out.suppliers = refs;
        break;
      }
    }
  }
  return out;
}

export function zodMessage(issue: { code: string; message: string; origin?: string; maximum?: unknown }): string {
  if (issue.code === 'too_big')
    return issue.origin === 'array' ? `has more than ${issue.maximum} values` : `is longer than ${issue.maximum} characters`;
  return issue.message;
}
