// A realistic inventory import file (messy spellings, near-duplicate names,
// most rows with an external id), deterministic so runs compare: the bench's
// import measurement and the scale benches use it.
import { writeCsv } from '../src/exports/csv.js';
import { TEMPLATE_HEADERS } from '../src/modules/inventory/index.js';
import { mulberry32 } from '../src/cli/dev-seed/random.js';

const N = 10_000;

const VENDORS = [
  'OpenAI',
  'Microsoft',
  'Google',
  'Anthropic',
  'AWS',
  'Salesforce',
  'ServiceNow',
  'Zendesk',
  'HubSpot',
  'Workday',
  'UiPath',
  'Databricks',
  'Hugging Face',
  'Mistral AI',
  'Cohere',
  'IBM',
  'SAP',
  'Atlassian',
  'GitHub',
  'DeepL',
  'Gong',
  'Otter.ai',
  'Grammarly',
  'Notion',
];
const DEPTS = [
  'Finance',
  'Sales',
  'Support',
  'HR',
  'Legal',
  'Marketing',
  'Engineering',
  'Operations',
  'Risk',
  'Procurement',
  'Security',
  'Product',
];
export const USES = [
  'invoice triage',
  'lead scoring',
  'ticket summariser',
  'CV screening',
  'contract review',
  'copy assistant',
  'code review bot',
  'demand forecast',
  'fraud scoring',
  'supplier risk radar',
  'phishing detector',
  'churn predictor',
  'meeting notes',
  'translation',
  'chat assistant',
  'search ranking',
];
const LINES = [
  'Atlas',
  'Beacon',
  'Cobalt',
  'Delta',
  'Ember',
  'Falcon',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nimbus',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Raven',
  'Summit',
  'Tundra',
  'Umber',
  'Vertex',
  'Willow',
  'Zephyr',
];
const SITES = [
  'Berlin',
  'Boston',
  'Lisbon',
  'Lagos',
  'Mumbai',
  'Osaka',
  'Paris',
  'Quito',
  'Sydney',
  'Toronto',
  'Vienna',
  'Warsaw',
  'Austin',
  'Dublin',
  'Madrid',
  'Nairobi',
  'Oslo',
  'Prague',
  'Seoul',
  'Tallinn',
];
const DATA = [
  'customer records',
  'support tickets',
  'emails',
  'payments',
  'CVs',
  'contracts',
  'source code',
  'telemetry',
  'web analytics',
  'call recordings',
];
const KINDS = ['own-model', 'product-feature', 'internal-tool', 'third-party-saas', 'agent'];
const STAGES = [
  'planning',
  'design',
  'development',
  'Verification and validation',
  'deployment',
  'Operation and monitoring',
  'change',
];
const IMPACTS = ['internal', 'Customer facing', 'decision-support'];
const RISKS = ['low', 'Medium', 'HIGH', ''];
const DEPS = ['api', 'platform', 'model', 'vendor'];

/** 10,000 AI systems as a realistic import file: messy spellings, some near-duplicate names, most with an external id. */
export function generateInventoryCsv(n = N, memberEmail = 'lead@example.com', seed = 42): string {
  const r = mulberry32(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const some = <T>(a: T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(a)))];
  const names: string[] = [];
  const taken = new Set<string>();
  const rows: string[][] = [TEMPLATE_HEADERS];
  for (let i = 0; i < n; i++) {
    const dept = pick(DEPTS);
    const use = pick(USES);
    // Distinct names as people write them; about 2% are a system entered
    // again with other spelling, which duplicate detection should find.
    let name = `${pick(LINES)} ${use} (${dept}, ${pick(SITES)})`;
    while (taken.has(name)) name = `${pick(LINES)} ${use} (${dept}, ${pick(SITES)})`;
    if (i > 100 && r() < 0.02)
      name = pick(names.slice(-100))
        .toUpperCase()
        .replace(/[ (),]+/g, '-');
    taken.add(name);
    names.push(name);
    const vendors = r() < 0.8 ? some(VENDORS, 2) : [];
    rows.push([
      name,
      r() < 0.3 ? memberEmail : r() < 0.9 ? `${dept} team` : '',
      r() < 0.85 ? `${pick(['Platform', 'Data', 'ML', 'IT'])} engineering` : '',
      `${use[0].toUpperCase()}${use.slice(1)} for ${dept.toLowerCase()}: ${pick(['drafts', 'ranks', 'flags', 'summarises'])} ${pick(DATA)} so people decide faster.`,
      some(IMPACTS, 2).join('; '),
      some(DATA, 3).join('; '),
      vendors.map((v) => `${v} (${pick(DEPS)})`).join('; '),
      pick(RISKS),
      r() < 0.7 ? `${pick(['Weekly', 'Monthly', 'Quarterly'])} review of sampled outputs and incidents` : '',
      r() < 0.8 ? `SYS-${String(i + 1).padStart(5, '0')}` : '',
      pick(KINDS),
      pick(['provider', 'customer', 'producer', '']),
      pick(STAGES),
      pick(['yes', 'no', '']),
      pick(['public', 'internal', 'confidential', 'personal', '']),
      `${dept} data warehouse`,
      `Assist ${dept.toLowerCase()} staff with ${use}`,
      r() < 0.5 ? 'Relying on it without human review' : '',
      r() < 0.6 ? 'A person approves every output' : '',
      r() < 0.7 ? `202${Math.floor(r() * 5)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` : '',
      r() < 0.6 ? `2026-0${1 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}` : '',
      some(['gen-ai', 'eu-ai-act', 'pilot', 'critical', dept.toLowerCase()], 2).join('; '),
    ]);
  }
  return writeCsv(rows);
}
