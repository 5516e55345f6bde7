// The core set of documented information an AI management system keeps
// (clause 7.5 and the records the other clauses ask for), in the order the
// web shows it. Keys are stable API values (a document's docType); titles are
// ours; clause and control ids are facts. Pure data, no I/O.

export interface CoreSetType {
  key: string;
  title: string;
  clauses: string[];
}

export const CORE_SET: readonly CoreSetType[] = [
  { key: 'aims-scope', title: 'AIMS scope', clauses: ['4.3'] },
  { key: 'ai-policy', title: 'AI policy', clauses: ['5.2', 'A.2.2'] },
  { key: 'ai-objectives', title: 'AI objectives', clauses: ['6.2'] },
  { key: 'ai-risk-assessment-method', title: 'AI risk assessment method', clauses: ['6.1.2'] },
  { key: 'ai-risk-register', title: 'AI risk register and treatment', clauses: ['6.1.2', '6.1.3', '8.2', '8.3'] },
  { key: 'ai-impact-assessment-records', title: 'AI system impact assessments', clauses: ['6.1.4', '8.4', 'A.5'] },
  { key: 'ai-roles-responsibilities', title: 'AI roles and responsibilities', clauses: ['5.3', 'A.3.2'] },
  { key: 'ai-system-inventory', title: 'AI system inventory', clauses: ['4.3', 'A.4'] },
  { key: 'data-governance-controls', title: 'Data governance controls', clauses: ['A.7'] },
  { key: 'ai-lifecycle-controls', title: 'AI system life cycle controls', clauses: ['8.1', 'A.6'] },
  { key: 'supplier-vendor-controls', title: 'Supplier and third-party controls', clauses: ['8.1', 'A.10'] },
  { key: 'monitoring-records', title: 'Monitoring and measurement results', clauses: ['9.1'] },
  { key: 'ai-incident-handling', title: 'AI incident handling', clauses: ['A.8.4', '10.2'] },
  { key: 'training-records', title: 'Competence and training records', clauses: ['7.2'] },
  { key: 'internal-audit-records', title: 'Internal audit programme and results', clauses: ['9.2'] },
  { key: 'management-review-records', title: 'Management review results', clauses: ['9.3'] },
  { key: 'corrective-action-records', title: 'Nonconformities and corrective actions', clauses: ['10.2'] },
];

/** Shown after the seventeen: held live by the SoA module. */
export const SOA_CORE_ROW: CoreSetType = {
  key: 'statement-of-applicability',
  title: 'Statement of Applicability',
  clauses: ['6.1.3'],
};

export const DOC_TYPES = [...CORE_SET.map((t) => t.key), 'other'] as const;
export const DOCUMENT_CATEGORIES = ['policy', 'procedure', 'record', 'other'] as const;
