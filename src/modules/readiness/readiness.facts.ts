// The plain data the readiness rules judge, gathered from the modules'
// index.ts by readiness.gather.ts. A slice left undefined means its module or
// data source is not there: the check it feeds answers 'not-available'.

export interface InScopeSystem {
  id: string;
  name: string;
  riskLevel: string | null;
  hasOwner: boolean;
  monitored: boolean;
}

export interface CoreDocument {
  key: string;
  title: string;
  heldAs: 'live' | 'document' | 'missing';
  /** in force: an approved version, or a live register that stands as it is */
  inForce: boolean;
  status: string | null;
  documentIds: string[];
}

export interface SampledItem {
  id: string;
  number: string;
  title: string;
  validUntil: string | null;
  /** expired: its validity ended before today */
  stale: boolean;
}

export interface ControlSample {
  controlId: string;
  title: string;
  /** current items linked to the control */
  linked: number;
  items: SampledItem[];
}

export interface ReadinessFacts {
  orgId: string;
  /** YYYY-MM-DD, UTC */
  today: string;
  scope?: {
    approved: { id: string; version: number; aiSystems: number } | null;
    draftVersion: number | null;
    /** names the approved scope lists that no current inventory record stands for */
    missingFromInventory: string[];
  };
  documents?: { core: CoreDocument[]; pastReview: { id: string; label: string; docType: string; nextReviewDate: string }[] };
  inventory?: { inScope: InScopeSystem[]; duplicateGroups: { ids: string[]; names: string[] }[] };
  riskMethod?: {
    status: 'approved' | 'draft' | 'default';
    version: number | null;
    warnings: { code: string; message: string }[];
  };
  /** internal audits reported or closed, latest first */
  audits?: { id: string; number: string; title: string; requirementIds: string[] }[];
  /** the latest approved management review, null when none is */
  review?: {
    id: string;
    number: string;
    title: string;
    topManagementAttended: boolean;
    decisions: number;
    actions: number;
  } | null;
  reviewActions?: { open: number; overdue: number };
  roles?: { id: string; name: string; vacant: boolean; holderLeft: boolean }[];
  risks?: {
    total: number;
    aboveThresholdUntreated: number;
    inScopeWithoutRisk: { id: string; name: string }[];
  };
  /** the organization's risk scale, lowest first (high-risk systems sit above its middle) */
  riskScale?: string[];
  /** AI systems with an approved impact assessment in force */
  impactAssessed?: string[];
  /** valid items filed under the operation area (design reviews, change logs, deployment approvals) */
  lifecycleEvidence?: { items: number; valid: number };
  monitoring?: { metrics: number };
  suppliers?: { total: number; neverReviewed: number; overdue: { id: string; name: string; nextReviewDate: string }[] };
  training?: {
    topics: number;
    people: number;
    required: number;
    complete: number;
    missing: number;
    overdue: number;
    criteria: number;
  };
  nonconformities?: {
    id: string;
    number: string;
    title: string;
    status: string;
    rootCause: boolean;
    actions: number;
    effectivenessChecked: boolean;
    overdue: boolean;
  }[];
  /** evidence sampled per applicable control of the SoA; null when no SoA is started */
  sample?: { seed: string; controls: ControlSample[] } | null;
}
