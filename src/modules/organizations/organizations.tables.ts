import { z } from 'zod';
import { jsonColumn } from '../../platform/db/columns.js';
import { profileSchema } from './organizations.schemas.js';

// The organizations module's own tables: an organization's profile and its
// settings. Only this module queries them; others ask through its index.ts.
// (organizations and memberships are the platform's: access checks read them.)

declare module '../../platform/db/tables.js' {
  interface DB {
    org_profiles: OrgProfilesTable;
    org_settings: OrgSettingsTable;
  }
}

export interface OrgProfilesTable {
  org_id: string;
  legal_name: string | null;
  country: string | null;
  employee_count: number | null;
  sector: string | null;
  /** JSON array of AI roles */
  ai_roles: string;
  /** JSON array of sites, each with its id */
  sites: string;
  /** JSON array of certifications held */
  certifications: string;
  /** JSON array of market names */
  target_markets: string;
  updated_at: string;
}

export interface OrgSettingsTable {
  org_id: string;
  review_interval_days: number;
  /** JSON array of the organization's risk levels, lowest first */
  risk_scale: string;
  updated_at: string;
}

/** The profile's JSON columns, read through the API's own schemas. */
export const profileColumns = {
  aiRoles: jsonColumn(profileSchema.shape.aiRoles),
  sites: jsonColumn(profileSchema.shape.sites),
  certifications: jsonColumn(profileSchema.shape.certifications),
  targetMarkets: jsonColumn(profileSchema.shape.targetMarkets),
};

export const riskScaleColumn = jsonColumn(z.array(z.string()));
