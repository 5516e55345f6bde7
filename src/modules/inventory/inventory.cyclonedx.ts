import {
  allComponents,
  type CdxBom,
  type CdxComponent,
  type CdxDataset,
  type CdxProperty,
  ML_MODEL,
  propertyValues,
} from '../../exports/cyclonedx.js';
import { fold } from '../../platform/text.js';
import { formatSupplierRef, type ImportField } from './inventory.columns.js';
import type { ImportRecord, MappingEntry, RecordSet } from './inventory.records.js';

// An AI system as a CycloneDX machine-learning-model component and back.
// Fields the standard has a place for go there (description, model card
// use cases and ethical considerations, datasets, supplier, tags); the rest
// are "openaims:" properties, so an OpenAIMS BOM carries the whole record.

export const PROPERTY_PREFIX = 'openaims:';
/** The tool an OpenAIMS BOM names in its metadata. */
export const TOOL_NAME = 'OpenAIMS';

/** An AI system in text form: what a sheet cell or a BOM string holds, lists as arrays. */
export type SystemText = Record<ImportField, string | string[]>;

const PROPERTY_FIELDS: ImportField[] = [
  'externalId',
  'businessOwner',
  'technicalOwner',
  'userImpact',
  'suppliers',
  'riskLevel',
  'monitoringMethod',
  'kind',
  'aiRole',
  'lifecycleStage',
  'inScope',
  'dataSensitivity',
  'dataSource',
  'deploymentDate',
  'lastReviewDate',
];
/** Property names: "suppliers" is singular because each property names one. */
const propertyName = (f: ImportField) => `${PROPERTY_PREFIX}${f === 'suppliers' ? 'supplier' : f}`;

const list = (v: string | string[]) => (Array.isArray(v) ? v : v ? [v] : []);
const one = (v: string | string[]) => (Array.isArray(v) ? v.join('; ') : v);

export function toComponent(id: string, s: SystemText, supplierNames: string[]): CdxComponent {
  const properties: CdxProperty[] = [];
  for (const f of PROPERTY_FIELDS) for (const value of list(s[f])) properties.push({ name: propertyName(f), value });
  const misuse = one(s.foreseeableMisuse);
  const oversight = one(s.humanOversight);
  const categories = list(s.dataCategories);
  const intendedUse = one(s.intendedUse);
  const tags = list(s.tags);
  return {
    type: ML_MODEL,
    'bom-ref': id,
    name: one(s.name),
    ...(one(s.purpose) ? { description: one(s.purpose) } : {}),
    ...(supplierNames.length ? { supplier: { name: supplierNames[0] } } : {}),
    modelCard: {
      ...(categories.length ? { modelParameters: { datasets: categories.map((name) => ({ type: 'dataset', name })) } } : {}),
      ...(intendedUse || misuse || oversight
        ? {
            considerations: {
              ...(intendedUse ? { useCases: [intendedUse] } : {}),
              ...(misuse || oversight
                ? {
                    ethicalConsiderations: [
                      { ...(misuse ? { name: misuse } : {}), ...(oversight ? { mitigationStrategy: oversight } : {}) },
                    ],
                  }
                : {}),
            },
          }
        : {}),
    },
    ...(tags.length ? { tags } : {}),
    ...(properties.length ? { properties } : {}),
  };
}

export const BOM_MAPPING: MappingEntry[] = [
  { column: 'name', field: 'name' },
  { column: 'description', field: 'purpose' },
  { column: 'bom-ref (BOMs not made by OpenAIMS)', field: 'externalId' },
  { column: 'supplier, manufacturer, publisher', field: 'suppliers' },
  { column: 'modelCard.considerations.useCases', field: 'intendedUse' },
  { column: 'modelCard.considerations.ethicalConsiderations[].name', field: 'foreseeableMisuse' },
  { column: 'modelCard.considerations.ethicalConsiderations[].mitigationStrategy', field: 'humanOversight' },
  { column: 'modelCard.modelParameters.datasets', field: 'dataCategories' },
  { column: 'tags', field: 'tags' },
  ...PROPERTY_FIELDS.map((f) => ({ column: `properties ${propertyName(f)}`, field: f })),
];

function datasetNames(datasets: CdxDataset[] | undefined, names: Map<string, string>): string[] {
  return (datasets ?? []).map((d) => ('ref' in d ? names.get(d.ref) : d.name)).filter((n): n is string => !!n);
}

/** Supplier, manufacturer and publisher of a component made by another tool, once each. */
function foreignSuppliers(c: CdxComponent): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const [name, dependency] of [
    [c.supplier?.name, 'vendor'],
    [c.manufacturer?.name, 'model'],
    [c.publisher, 'vendor'],
  ] as const) {
    if (!name?.trim() || seen.has(fold(name))) continue;
    seen.add(fold(name));
    out.push(formatSupplierRef(name.trim(), dependency));
  }
  return out;
}

function whereIn(path: string, own: boolean) {
  return (field: ImportField): string => {
    if (!own && field === 'externalId') return `${path}['bom-ref']`;
    if (!own && field === 'suppliers') return `${path}.supplier`;
    switch (field) {
      case 'name':
        return `${path}.name`;
      case 'purpose':
        return `${path}.description`;
      case 'intendedUse':
        return `${path}.modelCard.considerations.useCases`;
      case 'foreseeableMisuse':
      case 'humanOversight':
        return `${path}.modelCard.considerations.ethicalConsiderations`;
      case 'dataCategories':
        return `${path}.modelCard.modelParameters.datasets`;
      case 'tags':
        return `${path}.tags`;
      default:
        return `${path}.properties[${propertyName(field)}]`;
    }
  };
}

/**
 * The BOM's machine-learning-model components as import records. A
 * component made by OpenAIMS (its BOM names OpenAIMS as the tool, or it has
 * openaims: properties) describes the
 * whole record, so its missing fields are empty; a component from another
 * tool only sets what it carries, and its bom-ref is its external id.
 */
export function bomRecords(bom: CdxBom): RecordSet {
  const components = allComponents(bom);
  const names = new Map(components.filter((c) => c.item['bom-ref']).map((c) => [c.item['bom-ref'] as string, c.item.name]));
  const tools = bom.metadata?.tools;
  const madeByUs = !!tools && !Array.isArray(tools) && !!tools.components?.some((t) => t.name === TOOL_NAME);
  const records: ImportRecord[] = [];
  for (const { path, item: c } of components) {
    if (c.type !== ML_MODEL) continue;
    const own = madeByUs || (c.properties ?? []).some((p) => p.name.startsWith(PROPERTY_PREFIX));
    const considerations = c.modelCard?.considerations;
    const ethical = considerations?.ethicalConsiderations ?? [];
    const text = (values: (string | undefined)[]) => values.filter((v): v is string => !!v?.trim()).join('\n');
    const values: ImportRecord['values'] = {
      name: c.name,
      purpose: c.description ?? '',
      intendedUse: text(considerations?.useCases ?? []),
      foreseeableMisuse: text(ethical.map((e) => e.name)),
      humanOversight: text(ethical.map((e) => e.mitigationStrategy)),
      dataCategories: datasetNames(c.modelCard?.modelParameters?.datasets, names),
      tags: c.tags ?? [],
    };
    if (own) {
      for (const f of PROPERTY_FIELDS) {
        const found = propertyValues(c, propertyName(f));
        values[f] = f === 'userImpact' || f === 'suppliers' ? found : (found[0] ?? '');
      }
    } else {
      values.suppliers = foreignSuppliers(c);
      if (c['bom-ref']) values.externalId = c['bom-ref'];
      // Keep only what the component carries; the rest stays as the inventory has it.
      for (const [k, v] of Object.entries(values))
        if (k !== 'name' && (v === '' || (Array.isArray(v) && v.length === 0))) delete values[k as ImportField];
    }
    records.push({ row: null, where: whereIn(path, own), values });
  }
  return { records, mapping: BOM_MAPPING, errors: [] };
}
