import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditLogRoutes } from './platform/audit-log/audit-log.routes.js';
import { fileRoutes } from './platform/storage/index.js';
import { notificationRoutes } from './platform/notify/index.js';
import type { Config } from './platform/config/config.js';
import type { Database } from './platform/db/db.js';
import { createServer, registerWeb } from './platform/http/server.js';
import { closeReportBrowser } from './platform/report/index.js';
import { VERSION } from './version.js';
import { accountRoutes } from './modules/accounts/index.js';
import { organizationRoutes } from './modules/organizations/index.js';
import { scopeRoutes } from './modules/scope/index.js';
import { inventoryRoutes, inventoryTransferRoutes } from './modules/inventory/index.js';
import { supplierRoutes } from './modules/suppliers/index.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { gapRoutes } from './modules/gap/index.js';
import { homeRoutes } from './modules/home/index.js';
import { impactAssessmentRoutes } from './modules/impact-assessments/index.js';
import { riskMethodRoutes, riskRoutes } from './modules/risks/index.js';
import { objectiveRoutes } from './modules/objectives/index.js';
import { soaRoutes } from './modules/soa/index.js';
import { documentRoutes } from './modules/documents/index.js';
import { roleRoutes } from './modules/roles/index.js';
import { evidenceRoutes } from './modules/evidence/index.js';
import { trainingRoutes } from './modules/training/index.js';
import { monitoringRoutes } from './modules/monitoring/index.js';
import { incidentRoutes } from './modules/incidents/index.js';
import { concernRoutes } from './modules/concerns/index.js';
import { nonconformityRoutes } from './modules/nonconformities/index.js';
import { internalAuditRoutes } from './modules/internal-audits/index.js';
import { auditProgrammeRoutes } from './modules/audit-programme/index.js';
import { improvementRoutes } from './modules/improvements/index.js';
import { managementReviewRoutes } from './modules/management-reviews/index.js';
import { certificationBodyRoutes } from './modules/certification-bodies/index.js';
import { certificationAuditRoutes } from './modules/certification-audits/index.js';
import { certificateRoutes, publicCertificateRoutes } from './modules/certificates/index.js';
import { readinessRoutes } from './modules/readiness/index.js';
import { publicTrustRoutes, trustRoutes } from './modules/trust/index.js';
import { invitationRoutes } from './modules/invitations/index.js';
import { ssoRoutes } from './modules/sso/index.js';
import { mfaRoutes } from './modules/mfa/index.js';

/** The web build sits at <repo>/web/dist whether we run from src/ or the bundle in dist/server/. */
export function defaultWebDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '../..') : path.resolve(here, '..');
  return path.join(root, 'web', 'dist');
}

/** Composes the HTTP app: platform first, then each module's routes. */
export async function buildApp(database: Database, config: Config) {
  const app = await createServer(database, config, VERSION);
  // The report kit's Chromium (launched by the first PDF) goes with the app.
  app.addHook('onClose', closeReportBrowser);
  await app.register(accountRoutes);
  await app.register(organizationRoutes);
  await app.register(invitationRoutes);
  await app.register(ssoRoutes);
  await app.register(mfaRoutes);
  await app.register(auditLogRoutes);
  await app.register(fileRoutes);
  await app.register(notificationRoutes);
  await app.register(scopeRoutes);
  await app.register(supplierRoutes);
  await app.register(inventoryRoutes);
  await app.register(inventoryTransferRoutes);
  await app.register(catalogueRoutes);
  await app.register(gapRoutes);
  await app.register(homeRoutes);
  await app.register(impactAssessmentRoutes);
  await app.register(riskMethodRoutes);
  await app.register(riskRoutes);
  await app.register(soaRoutes);
  await app.register(objectiveRoutes);
  await app.register(documentRoutes);
  await app.register(roleRoutes);
  await app.register(evidenceRoutes);
  await app.register(trainingRoutes);
  await app.register(monitoringRoutes);
  await app.register(incidentRoutes);
  await app.register(concernRoutes);
  await app.register(nonconformityRoutes);
  await app.register(internalAuditRoutes);
  await app.register(auditProgrammeRoutes);
  await app.register(improvementRoutes);
  await app.register(managementReviewRoutes);
  await app.register(certificationBodyRoutes);
  await app.register(certificationAuditRoutes);
  await app.register(certificateRoutes);
  await app.register(publicCertificateRoutes);
  await app.register(readinessRoutes);
  await app.register(trustRoutes);
  await app.register(publicTrustRoutes);
  await registerWeb(app, config.webDir ?? defaultWebDir());
  return app;
}
