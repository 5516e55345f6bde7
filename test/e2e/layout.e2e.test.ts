// Every page of the app on a phone (390 x 844): nothing wider than the
// screen, so no page scrolls sideways; long names wrap in tables (or a wide
// table scrolls inside its own frame), never push the page. The organization
// is prepared through the API with an AI system and a supplier whose names
// are long and barely breakable, a gap assessment with an action plan, an
// approved scope, and Germany as its country, so dates read 01.11.2026.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/catalogue/index.js';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const LONG_SYSTEM = 'Enterprise-wide-customer-support-conversational-assistant-with-retrieval-augmented-generation-v2';
const LONG_SUPPLIER = 'Supercalifragilistic-Artificial-Intelligence-Platform-Services-International-GmbH-und-Co-KG';

let e: E2e;
let orgId: string;
let csrf: string;
const ids: Record<string, string> = {};

async function api(method: 'post' | 'put' | 'get', path: string, data?: unknown) {
  const res = await e.context.request[method](`/api/v1/orgs/${orgId}${path}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

async function approveScope() {
  const first = await api('post', '/scope/draft/approve', {});
  if (first.status !== 400) return first;
  const draft = (await api('get', '/scope')).body.draft;
  const exceptions = draft.checks
    .filter((c: { severity: string }) => c.severity === 'warning')
    .map((c: { code: string; field: string }) => ({ code: c.code, field: c.field, reason: 'Accepted for the test' }));
  return api('post', '/scope/draft/approve', { exceptions });
}

/** The pages to visit, relative to the organization, with what must be on each. */
function orgPages(): string[] {
  const a = ids.assessment;
  return [
    '',
    'scope',
    'scope/versions/1',
    'scope/compare',
    'gap-assessment',
    'gap-assessment/catalogue',
    'gap-assessment/compare',
    `gap-assessment/${a}`,
    `gap-assessment/${a}/answer`,
    `gap-assessment/${a}/actions`,
    'inventory',
    'inventory/new',
    'inventory/import',
    `inventory/${ids.system}`,
    `inventory/${ids.system}/edit`,
    'suppliers',
    'suppliers/new',
    `suppliers/${ids.supplier}`,
    `suppliers/${ids.supplier}/edit`,
    `suppliers/${ids.supplier}/review`,
    'profile',
    'members',
    'audit-log',
    // support and operation (issues 12 and 13)
    'roles',
    'documents',
    'evidence',
    'evidence/coverage',
    'training',
    'training/topics',
    'training/records',
    'training/records/import',
    'training/competence',
    'monitoring',
    'monitoring/metrics/new',
    'incidents',
    'incidents/new',
    'concerns',
    // evaluation and improvement (issue 14)
    'audit-programme',
    'internal-audits',
    'internal-audits/new',
    'management-reviews',
    'management-reviews/new',
    'management-reviews/settings',
    'nonconformities',
    'nonconformities/new',
    'nonconformities/settings',
    'improvements',
    'improvements/new',
    // planning (issues 9 to 11)
    'risk-method',
    'risks',
    'impact-assessments',
    'soa',
    'objectives',
    // certification (issue 15), a body and an audit with long names
    'readiness',
    'certification-bodies',
    'certification-bodies/new',
    'certification-bodies/compare',
    'certification-bodies/quote-request',
    `certification-bodies/${ids.body}`,
    'certification-audits',
    'certification-audits/new',
    `certification-audits/${ids.audit}`,
    `certification-audits/${ids.audit}?tab=room`,
    'certificates',
    'surveillance',
    'buyer-readiness',
    'single-sign-on',
  ];
}
const ACCOUNT = ['/account/password', '/account/sessions', '/account/tokens', '/account/two-step'];
/** Pages worth a look at 390 px (in the screenshots folder): a register, a dashboard, a record, the import. */
const SCREENSHOTS: Record<string, string> = {
  inventory: 'inventory',
  'inventory/import': 'import',
  'gap-assessment/A': 'gap-dashboard',
  'gap-assessment/A/actions': 'gap-actions',
  'suppliers/S': 'supplier',
  training: 'training-matrix',
};

interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** the outermost elements reaching past the right edge */
  culprits: string[];
}

async function measure(): Promise<Overflow> {
  // LAYOUT_ONLY=<part of a path> visits only those pages and lists every container of what sticks out
  return e.page.evaluate((debug) => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const culprits: string[] = [];
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    // Everything visible that reaches past the right edge, fixed parts (the
    // header) included; what a scrolling or clipping frame holds is inside it.
    const walk = (el: Element) => {
      for (const child of Array.from(el.children)) {
        const r = child.getBoundingClientRect();
        const style = getComputedStyle(child);
        const clips = style.overflowX !== 'visible';
        if (r.width > 0 && r.height > 0 && r.right > width + 1 && style.visibility !== 'hidden') {
          // the deepest element that sticks out, not its parents
          const before = culprits.length;
          if (!clips) walk(child);
          if (culprits.length === before) {
            // and the widest of its containers, which is often the cause
            const chain: string[] = [];
            for (let p = child.parentElement; p && p !== document.body && chain.length < (debug ? 10 : 4); p = p.parentElement)
              if (debug || p.getBoundingClientRect().right > width + 1)
                chain.push(
                  `${getComputedStyle(p).display} ` +
                    `${describe(p).slice(0, 50)} w=${Math.round(p.getBoundingClientRect().width)}`,
                );
            culprits.push(`${describe(child)} right=${Math.round(r.right)}${chain.length ? ` in ${chain.join(' < ')}` : ''}`);
          }
        } else if (!clips) walk(child);
      }
    };
    walk(document.body);
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits: culprits.slice(0, 8) };
  }, Boolean(process.env.LAYOUT_ONLY));
}

/**
 * Resolves once the page has had no request in flight for `quietMs`: what
 * Playwright's 'networkidle' waits for, with 500 ms of quiet, which cost
 * this file 35 s over its 72 pages. A page asks for its data as soon as it
 * renders, and for what that data names right after, well inside 150 ms.
 */
function requestsSettled(page: Page) {
  let inFlight = 0;
  let changed = performance.now();
  const bump = (by: number) => () => {
    inFlight += by;
    changed = performance.now();
  };
  page.on('request', bump(1));
  page.on('requestfinished', bump(-1));
  page.on('requestfailed', bump(-1));
  return async (quietMs = 150) => {
    while (inFlight > 0 || performance.now() - changed < quietMs) await new Promise((r) => setTimeout(r, 25));
  };
}
let settled: ReturnType<typeof requestsSettled>;

/**
 * Opens a page and waits until it has rendered its heading and loaded its
 * data. Once the app is loaded, it moves the way a link does (the router
 * follows the history), not by loading the app again: 0.3 s a page less.
 */
async function visit(path: string): Promise<{ notFound: boolean }> {
  if (e.page.url().startsWith(e.baseUrl))
    await e.page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, path);
  else await e.page.goto(path);
  await settled();
  await e.page.getByRole('heading', { level: 1 }).first().waitFor();
  await e.page
    .getByLabel('Loading', { exact: true })
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  const notFound = await e.page
    .getByRole('heading', { level: 1, name: /not found/i })
    .isVisible()
    .catch(() => false);
  return { notFound };
}

describe('layout at 390 px', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 844 });
    settled = requestsSettled(e.page);
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrf = body.csrfToken;

    const profile = (await api('get', '/profile')).body;
    const { updatedAt: _u, ...rest } = profile;
    expect((await api('put', '/profile', { ...rest, legalName: 'Acme Analytics GmbH', country: 'DE' })).status).toBe(200);
    const content = {
      boundaryStatement: `The Acme demand prediction service and ${LONG_SYSTEM}`,
      aiSystems: [{ name: LONG_SYSTEM, description: 'Answers customer questions', aiSystemId: null }],
      productsAndServices: [],
      departments: [],
      siteIds: [],
      internalAiTools: { included: true, notes: '' },
      customerFacingAiFeatures: { included: true, notes: '' },
      thirdPartyAiSystems: { included: true, notes: '', vendors: [LONG_SUPPLIER] },
      countriesOrBusinessUnits: [],
      exclusions: [],
      interestedParties: [],
      issues: [],
    };
    expect((await api('put', '/scope/draft', { content })).status).toBe(200);
    expect((await approveScope()).status).toBe(200);

    const supplier = await api('post', '/suppliers', { name: LONG_SUPPLIER, kinds: ['api', 'model'] });
    expect(supplier.status).toBe(201);
    ids.supplier = supplier.body.id;
    const system = await api('post', '/ai-systems', {
      name: LONG_SYSTEM,
      purpose: `Answers ${LONG_SUPPLIER.toLowerCase()} questions`,
      kind: 'third-party-saas',
      businessOwner: { userId: null, name: 'Customer-experience-and-support-operations-team-lead' },
      suppliers: [{ supplierId: ids.supplier, dependency: 'api' }],
      tags: ['retrieval-augmented-generation-pipeline-production'],
      deploymentDate: '2026-03-14',
    });
    expect(system.status).toBe(201);
    ids.system = system.body.id;

    const assessment = await api('post', '/gap-assessments', { title: 'Baseline', assessmentDate: '2026-11-01' });
    expect(assessment.status).toBe(201);
    ids.assessment = assessment.body.id;
    for (const [i, req] of REQUIREMENTS.slice(0, 12).entries()) {
      const status = i % 2 ? 'partial' : 'not-started';
      const notes = `Needs ${LONG_SYSTEM} reviewed by ${LONG_SUPPLIER}`;
      expect((await api('put', `/gap-assessments/${ids.assessment}/answers/${req.id}`, { status, notes })).status).toBe(200);
    }
    expect((await api('post', `/gap-assessments/${ids.assessment}/action-plan`, {})).status).toBeLessThan(300);

    const certBody = await api('post', '/certification-bodies', { name: `${LONG_SUPPLIER} Certification`, partyKind: 'partner' });
    expect(certBody.status, JSON.stringify(certBody.body)).toBe(201);
    ids.body = certBody.body.id;
    const audit = await api('post', '/certification-audits', {
      type: 'stage-1',
      certificationBodyId: ids.body,
      plannedStart: '2027-01-11',
      plannedEnd: '2027-01-12',
      team: [{ name: 'Lead-auditor-with-a-very-long-hyphenated-name-from-the-body', role: 'lead' }],
      sites: [`Headquarters of ${LONG_SUPPLIER}`],
      requirementsSampled: ['4.3', '6.1.2', 'A.6.2.6'],
    });
    expect(audit.status, JSON.stringify(audit.body)).toBe(201);
    ids.audit = audit.body.id;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'no page is wider than the screen',
    async () => {
      const h = helpers(e, 'layout');
      const wide: Record<string, Overflow> = {};
      const visited: string[] = [];
      try {
        const pages = [...orgPages().map((p) => `/orgs/${orgId}/${p}`), ...ACCOUNT].filter(
          (p) => !process.env.LAYOUT_ONLY || p.includes(process.env.LAYOUT_ONLY),
        );
        for (const path of pages) {
          const { notFound } = await visit(path);
          expect(notFound, `${path} renders a page`).toBe(false);
          visited.push(path);
          const m = await measure();
          if (m.scrollWidth > m.clientWidth + 1 || m.culprits.length) wide[path] = m;
          const shot = SCREENSHOTS[path.replace(`/orgs/${orgId}/`, '').replace(ids.assessment, 'A').replace(ids.supplier, 'S')];
          if (shot) await e.page.screenshot({ path: screenshotPath(`layout-390-${shot}.png`) });
        }
        h.mark(`visited ${visited.length} pages`);
        // the pages that scroll sideways, with what sticks out
        if (Object.keys(wide).length) console.log(JSON.stringify(wide, null, 1));
        expect(Object.keys(wide)).toEqual([]);
        if (!process.env.LAYOUT_ONLY) expect(visited.length).toBeGreaterThanOrEqual(orgPages().length + ACCOUNT.length);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT * 3,
  );

  it(
    "shows dates in the organization's locale (Germany)",
    async () => {
      await visit(`/orgs/${orgId}/gap-assessment`);
      // waitFor retries: after an in-app navigation the previous page can still be on screen for a moment
      await e.page.getByText('01.11.2026').first().waitFor({ state: 'visible', timeout: 10_000 });
      await visit(`/orgs/${orgId}/inventory/${ids.system}`);
      await e.page.getByText('14.03.2026').first().waitFor({ state: 'visible', timeout: 10_000 });
      expect(await e.page.getByText('2026-03-14').count()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'the import page lists the values of each fixed-list column, and its error count agrees with its row count',
    async () => {
      const h = helpers(e, 'import-values');
      try {
        await visit(`/orgs/${orgId}/inventory/import`);
        const kinds = e.page.getByRole('list', { name: 'Allowed values for Kind' });
        // allTextContents() does not wait: wait for the lists to be drawn before reading them.
        await kinds.getByRole('listitem').filter({ hasText: 'Own model (own-model)' }).waitFor();
        await kinds.scrollIntoViewIfNeeded();
        await e.page.screenshot({ path: screenshotPath('layout-390-import-values.png') });
        const risk = e.page.getByRole('list', { name: 'Allowed values for Risk level' });
        await risk.getByRole('listitem').last().waitFor();
        await expect(risk.getByRole('listitem').allTextContents()).resolves.toEqual(['low', 'medium', 'high']);
        const csv = 'Name,Kind,AI role,Colour\nThree errors,robot,god,\nFine,agent,provider,\n,agent,,\n';
        await e.page
          .locator('input[type="file"]')
          .setInputFiles({ name: 'systems.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
        await e.page.getByRole('button', { name: 'Check file' }).click();
        await e.page.getByRole('heading', { name: '4 errors to fix: 3 in 2 rows, 1 in the header row' }).waitFor();
        await e.page
          .getByText('Nothing was imported: 2 of 3 rows have errors (3 errors), and the header row has 1 error.')
          .waitFor();
        expect(await e.page.getByRole('table', { name: 'Import errors' }).getByRole('row').count()).toBe(1 + 4);
        await e.page.screenshot({ path: screenshotPath('layout-390-import-errors.png'), fullPage: true });
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
