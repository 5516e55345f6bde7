import { z } from 'zod';
import { COLUMNS } from './inventory.columns.js';

// Request and response shapes of inventory import and export.

export const IMPORT_FORMATS = ['csv', 'xlsx', 'cyclonedx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const TEMPLATE_FORMATS = ['csv', 'xlsx'] as const;

const fieldNames = COLUMNS.map((c) => c.field) as [string, ...string[]];

export const importErrorSchema = z
  .object({
    row: z.number().int().nullable().describe('row number as the file shows it (header = 1); null for a BOM'),
    field: z.string().describe('column header as written in the file, or a JSONPath in a BOM'),
    message: z.string(),
  })
  .meta({ id: 'ImportError' });

export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(IMPORT_FORMATS),
    /** one line for people */
    detail: z.string(),
    rows: z.number().int().describe('data rows (or machine-learning-model components) read'),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int().describe('rows matching an existing system by external id with nothing to change'),
    rejected: z.number().int().describe('rows with at least one error (rows, not errors)'),
    rowErrors: z
      .number()
      .int()
      .describe('errors on those rows; errors.length - rowErrors are about the header row or the file as a whole'),
    newSuppliers: z.array(z.string()).describe('suppliers the import creates'),
    errors: z.array(importErrorSchema),
    mapping: z.array(z.object({ column: z.string(), field: z.enum(fieldNames).nullable() })),
  })
  .meta({ id: 'InventoryImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;

/** A rejected import: problem+json with the whole report, so a client shows every error at once. */
export const importProblemSchema = importReportSchema
  .extend({ type: z.string(), title: z.string(), status: z.number().int() })
  .meta({ id: 'InventoryImportProblem' });

export const importQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).default('false'),
  format: z.enum(IMPORT_FORMATS).optional().describe('default: from the Content-Type, else sniffed from the content'),
});

export const exportQuery = z.strictObject({ format: z.enum(IMPORT_FORMATS).default('csv') });
export const templateQuery = z.strictObject({ format: z.enum(TEMPLATE_FORMATS).default('xlsx') });

export const importColumnsSchema = z
  .object({
    columns: z.array(
      z.object({
        header: z.string(),
        field: z.enum(fieldNames),
        help: z.string(),
        required: z.boolean(),
        multiple: z.boolean().describe('several values separated by ";"'),
        values: z
          .array(z.object({ value: z.string(), label: z.string() }))
          .nullable()
          .describe('the values a column of a fixed list takes (an import accepts the value or its label); null for free text'),
      }),
    ),
  })
  .meta({ id: 'InventoryImportColumns' });
