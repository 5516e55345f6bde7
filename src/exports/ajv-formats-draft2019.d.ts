// The package ships no types; this is the one call we make.
declare module 'ajv-formats-draft2019' {
  import type { Ajv } from 'ajv';
  export default function applyDraft2019Formats(ajv: Ajv, options?: { formats?: string[] }): Ajv;
}
