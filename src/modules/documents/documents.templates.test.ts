import { describe, expect, it } from 'vitest';
import { isRequirementId } from '../../catalogue/index.js';
import {
  DOCUMENT_TEMPLATES,
  fillTemplate,
  SCOPE_NOT_APPROVED,
  TEMPLATE_ROLE_KEYS,
  TEMPLATE_ROLE_NAMES,
  type TemplateFacts,
  templateRoleKeysOf,
} from './documents.templates.js';

// The headings each template must keep: what the issue asks each one to cover.
const SECTIONS: Record<string, string[]> = {
  'ai-policy': [
    'Purpose',
    'Scope',
    'Our commitments',
    'Before you use or build AI',
    'Who approves',
    'Raising concerns',
    'Review',
  ],
  'ai-risk-assessment-method': ['When to assess', 'Who does what', 'How to assess', 'Treatment and acceptance', 'Review'],
  'ai-impact-assessment-procedure': ['When an impact assessment is needed', 'Steps', 'Reassessment triggers'],
  'ai-incident-handling': [
    'What counts as an AI incident',
    'How to report',
    'Triage and severity',
    'Escalation and communication',
    'Lessons learned',
  ],
  'data-governance-controls': ['Data sources', 'Data quality', 'Provenance', 'Personal data', 'Retention and deletion'],
  'ai-lifecycle-controls': [
    '1. Design',
    '2. Development',
    '3. Verification and validation',
    '4. Deployment',
    '5. Operation and monitoring',
    '6. Retirement',
  ],
  'supplier-vendor-controls': ['Before you buy or connect', 'Contracts', 'Ongoing review', 'Exit'],
};

const holders: Record<string, string> = {
  'ai-governance-owner': 'Dana Ortiz',
  'ai-use-approver': 'Sam Lee',
  'ai-risk-reviewer': 'Priya Nair',
  'technical-controls': 'Jon Berg',
  'legal-privacy-review': 'Ines Costa',
  'incident-escalation': 'Kofi Mensah',
};

function completeFacts(): TemplateFacts {
  return {
    org: { name: 'Acme Analytics GmbH', country: 'DE', employees: 60 },
    scope: {
      status: 'approved',
      statement: 'The AIMS covers the Acme SaaS platform.',
      aiSystems: ['Churn predictor', 'Support bot'],
    },
    roles: TEMPLATE_ROLE_KEYS.map((key) => ({ key, name: TEMPLATE_ROLE_NAMES[key], holder: { name: holders[key] } })),
    riskMethod: { levels: ['Low', 'Medium', 'High', 'Critical'], acceptableLevel: 'Medium', reviewIntervalMonths: 12 },
    today: '2026-12-01',
  };
}

const h2 = (body: string) => [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
const words = (body: string) => body.split(/\s+/).filter(Boolean).length;

describe('DOCUMENT_TEMPLATES', () => {
  it('holds the seven starter templates, one per core-set key', () => {
    expect(DOCUMENT_TEMPLATES.map((t) => t.id)).toEqual(Object.keys(SECTIONS));
    for (const t of DOCUMENT_TEMPLATES) {
      expect(t.docType).toBe(t.id);
      // the list of templates shows title and summary unfilled
      expect(`${t.title} ${t.summary}`).not.toContain('{{');
      // the documents register asks acknowledgement of policies only
      expect(t.requiresAcknowledgement).toBe(t.category === 'policy');
    }
  });

  it.each(DOCUMENT_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s has its sections, valid ids, and a document control table',
    (id, t) => {
      expect(t.body.startsWith('# ')).toBe(true);
      const headings = h2(t.body);
      for (const s of SECTIONS[id]) expect(headings, s).toContain(s);
      expect(headings.at(-1)).toBe('Document control');
      const control = t.body.slice(t.body.indexOf('## Document control'));
      expect(control).toMatch(/^\| Owner \| \{\{role\.[a-z-]+\}\} \|$/m);
      expect(control).toMatch(/^\| Approver \| .*\{\{role\.[a-z-]+\}\}.* \|$/m);
      expect(control).toContain(`| Review interval | Every ${t.reviewIntervalMonths} months`);

      const relates = t.body.match(/^\*\*Relates to:\*\* (.+)$/m);
      expect(relates).not.toBeNull();
      const ids = relates?.[1].split(', ') ?? [];
      expect(ids.length).toBeGreaterThan(0);
      for (const rid of ids) expect(isRequirementId(rid), rid).toBe(true);
    },
  );

  it.each(DOCUMENT_TEMPLATES.map((t) => [t.id, t] as const))('%s is short: between 300 and 900 words', (_, t) => {
    expect(words(t.body)).toBeGreaterThanOrEqual(300);
    expect(words(t.body)).toBeLessThanOrEqual(900);
  });

  it('names roles only through {{role.*}} placeholders, and only roles the register seeds', () => {
    for (const t of DOCUMENT_TEMPLATES) {
      for (const name of Object.values(TEMPLATE_ROLE_NAMES)) {
        expect(t.body.toLowerCase(), `${t.id} names "${name}" literally`).not.toContain(name.toLowerCase());
      }
      const keys = [...t.body.matchAll(/\{\{role\.([^}]+)\}\}/g)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(0);
      expect(templateRoleKeysOf(t.body)).toEqual([...new Set(keys)]);
      for (const k of keys) expect(TEMPLATE_ROLE_KEYS, `${t.id}: ${k}`).toContain(k);
    }
  });

  it('leaves nothing unfilled or missing with complete facts, and plain Markdown only', () => {
    for (const t of DOCUMENT_TEMPLATES) {
      const { body, missing } = fillTemplate(t.body, completeFacts());
      expect(missing, t.id).toEqual([]);
      expect(body, t.id).not.toContain('{{');
      expect(body, t.id).not.toContain('}}');
      expect(body, t.id).not.toMatch(/\[(unknown|role vacant)/);
      expect(body, t.id).not.toMatch(/<[a-z/][^>]*>/i);
      expect(body).toContain('Acme Analytics GmbH');
    }
    const policy = fillTemplate(DOCUMENT_TEMPLATES[0].body, completeFacts()).body;
    expect(policy).toContain('> The AIMS covers the Acme SaaS platform.');
    expect(policy).toContain('AI systems currently in scope: Churn predictor, Support bot.');
    expect(policy).toContain('| Owner | Dana Ortiz (AI governance owner) |');
  });
});

describe('templateRoleKeysOf', () => {
  it('lists each role key once, in order of first mention, ignoring other placeholders', () => {
    expect(templateRoleKeysOf('{{ role.b }} {{org.name}} {{role.a}} {{role.b}} role.c')).toEqual(['b', 'a']);
  });
});

describe('fillTemplate', () => {
  it('fills organization facts, with the country by name', () => {
    const { body, missing } = fillTemplate(
      '{{org.name}} in {{ org.country }}, {{org.employees}} people, {{date.today}}; levels {{riskMethod.levels}} every {{riskMethod.reviewInterval}}',
      completeFacts(),
    );
    expect(body).toBe(
      'Acme Analytics GmbH in Germany, 60 people, 2026-12-01; levels Low, Medium, High, Critical every 12 months',
    );
    expect(missing).toEqual([]);
  });

  it('renders a vacant role, a departed role and an unknown placeholder visibly, and lists each once', () => {
    const facts = completeFacts();
    facts.roles = facts.roles.filter((r) => r.key !== 'incident-escalation');
    facts.roles[1] = { ...facts.roles[1], name: 'Head of AI use', holder: null };
    const { body, missing } = fillTemplate(
      'A {{role.ai-use-approver}} B {{role.incident-escalation}} C {{role.ai-use-approver}} D {{orgname}} E {{role.cfo}}',
      facts,
    );
    expect(body).toBe(
      `A [role vacant: Head of AI use] B [role vacant: ${TEMPLATE_ROLE_NAMES['incident-escalation']}] C [role vacant: Head of AI use] D [unknown: orgname] E [unknown: role.cfo]`,
    );
    expect(missing).toEqual(['role.ai-use-approver', 'role.incident-escalation', 'orgname', 'role.cfo']);
  });

  it('marks a draft scope, and says when there is none', () => {
    const facts = completeFacts();
    facts.scope = { status: 'draft', statement: 'Draft words.', aiSystems: ['Bot'] };
    expect(fillTemplate('{{scope.statement}} / {{scope.aiSystems}}', facts)).toEqual({
      body: `Draft words. ${SCOPE_NOT_APPROVED} / Bot ${SCOPE_NOT_APPROVED}`,
      missing: ['scope.statement', 'scope.aiSystems'],
    });
    facts.scope = { status: 'none', statement: null, aiSystems: [] };
    facts.org = { name: 'X', country: null, employees: null };
    const r = fillTemplate('{{scope.statement}} {{org.country}} {{org.employees}}', facts);
    expect(r.body).toBe(`${SCOPE_NOT_APPROVED} [country not recorded] [number of employees not recorded]`);
    expect(r.missing).toEqual(['scope.statement', 'org.country', 'org.employees']);
  });

  it('fills in one pass and keeps values from breaking the Markdown around them', () => {
    const facts = completeFacts();
    facts.org.name = 'Evil {{role.cfo}} | Co\nLine two';
    const { body, missing } = fillTemplate('| Org | {{org.name}} |', facts);
    expect(body).toBe('| Org | Evil {{role.cfo}} \\| Co Line two |');
    expect(missing).toEqual([]);
  });
});
