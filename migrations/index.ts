import type { Migration } from 'kysely';
import * as m0001 from './0001_platform.js';
import * as m0002 from './0002_inventory.js';
import * as m0003 from './0003_gap_assessment.js';
import * as m0004 from './0004_versioned_one_approved.js';
import * as m0005 from './0005_person_email.js';
import * as m0006 from './0006_account_security.js';
import * as m0007 from './0007_approval_exceptions.js';
import * as m0008 from './0008_gap_clauses_always_apply.js';
import * as m0009 from './0009_gap_reassessment.js';
import * as m0010 from './0010_idempotency_keys.js';
import * as m0011 from './0011_risk_method.js';
import * as m0012 from './0012_risks.js';
import * as m0013 from './0013_impact_assessments.js';
import * as m0014 from './0014_soa.js';
import * as m0015 from './0015_objectives.js';
import * as m0016 from './0016_stored_files.js';
import * as m0017 from './0017_jobs_notifications.js';
import * as m0018 from './0018_governance_roles.js';
import * as m0019 from './0019_documents.js';
import * as m0020 from './0020_evidence.js';
import * as m0021 from './0021_training.js';
import * as m0022 from './0022_monitoring.js';
import * as m0023 from './0023_incidents.js';
import * as m0024 from './0024_concerns.js';
import * as m0025 from './0025_nonconformities.js';
import * as m0026 from './0026_internal_audits.js';
import * as m0027 from './0027_audit_programme.js';
import * as m0028 from './0028_improvements.js';
import * as m0029 from './0029_management_reviews.js';
import * as m0030 from './0030_certification_bodies.js';
import * as m0031 from './0031_certification_audits.js';
import * as m0032 from './0032_certificates.js';
import * as m0033 from './0033_readiness.js';
import * as m0034 from './0034_trust.js';
import * as m0035 from './0035_public_hits.js';
import * as m0036 from './0036_accounts_security.js';
import * as m0037 from './0037_invitations.js';
import * as m0038 from './0038_audit_signing.js';
import * as m0039 from './0039_sso.js';
import * as m0040 from './0040_mfa.js';
import * as m0041 from './0041_inventory_duplicate_keys.js';
import * as m0042 from './0042_audit_log_indexes.js';
import * as m0043 from './0043_list_updated_indexes.js';
import * as m0044 from './0044_gap_read_indexes.js';
import * as m0046 from './0046_inventory_name_pieces.js';
import * as m0047 from './0047_summary_index_order.js';
import * as m0048 from './0048_name_pieces_numbers.js';
import * as m0049 from './0049_duplicate_edge_names.js';
import * as m0050 from './0050_name_pieces_keys.js';
import * as m0051 from './0051_auth_change_notices.js';

// Forward-only: add a new numbered file, never edit one that has shipped.
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_inventory': m0002,
  '0003_gap_assessment': m0003,
  '0004_versioned_one_approved': m0004,
  '0005_person_email': m0005,
  '0006_account_security': m0006,
  '0007_approval_exceptions': m0007,
  '0008_gap_clauses_always_apply': m0008,
  '0009_gap_reassessment': m0009,
  '0010_idempotency_keys': m0010,
  '0011_risk_method': m0011,
  '0012_risks': m0012,
  '0013_impact_assessments': m0013,
  '0014_soa': m0014,
  '0015_objectives': m0015,
  '0016_stored_files': m0016,
  '0017_jobs_notifications': m0017,
  '0018_governance_roles': m0018,
  '0019_documents': m0019,
  '0020_evidence': m0020,
  '0021_training': m0021,
  '0022_monitoring': m0022,
  '0023_incidents': m0023,
  '0024_concerns': m0024,
  '0025_nonconformities': m0025,
  '0026_internal_audits': m0026,
  '0027_audit_programme': m0027,
  '0028_improvements': m0028,
  '0029_management_reviews': m0029,
  '0030_certification_bodies': m0030,
  '0031_certification_audits': m0031,
  '0032_certificates': m0032,
  '0033_readiness': m0033,
  '0034_trust': m0034,
  '0035_public_hits': m0035,
  '0036_accounts_security': m0036,
  '0037_invitations': m0037,
  '0038_audit_signing': m0038,
  '0039_sso': m0039,
  '0040_mfa': m0040,
  '0041_inventory_duplicate_keys': m0041,
  '0042_audit_log_indexes': m0042,
  '0043_list_updated_indexes': m0043,
  '0044_gap_read_indexes': m0044,
  '0046_inventory_name_pieces': m0046,
  '0047_summary_index_order': m0047,
  '0048_name_pieces_numbers': m0048,
  '0049_duplicate_edge_names': m0049,
  '0050_name_pieces_keys': m0050,
  '0051_auth_change_notices': m0051,
};
