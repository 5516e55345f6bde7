// The buyer readiness tables. Only this module queries them.

declare module '../../platform/db/tables.js' {
  interface DB {
    buyer_answers: BuyerAnswersTable;
    trust_pages: TrustPagesTable;
  }
}

/** An answer edited by hand; without a row the generated draft stands. */
export interface BuyerAnswersTable {
  org_id: string;
  /** one of BUYER_QUESTIONS' ids */
  question_id: string;
  text: string;
  /** the generated draft when the answer was edited: a different draft now means the data changed */
  draft_at_edit: string;
  /** who edited it, as the audit log names them */
  edited_by: string;
  created_at: string;
  updated_at: string;
}

export interface TrustPagesTable {
  org_id: string;
  /** lowercase letters, digits and hyphens; unique across organizations */
  slug: string;
  /** the organization's name as published */
  public_name: string;
  /** JSON array of { question, answer }: the snapshot taken at publish time */
  answers: string;
  /** null while unpublished (the slug stays reserved) */
  published_at: string | null;
  published_by: string | null;
  created_at: string;
  updated_at: string;
}
