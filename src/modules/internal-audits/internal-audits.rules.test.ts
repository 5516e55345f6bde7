import { describe, expect, it } from 'vitest';
import {
  auditNumber,
  auditorErrors,
  buildChecklist,
  CHECKLIST_TOPICS,
  independenceErrors,
  type OwnedArea,
  parseAuditNumber,
  statusErrors,
} from './internal-audits.rules.js';

const member = (userId: string, name: string, lead = false) => ({ userId, name, lead });

describe('auditor independence', () => {
  const areas: OwnedArea[] = [
    { type: 'ai-system', id: 's1', label: 'Support bot', owners: [{ userId: 'u-owner', how: 'owns' }] },
    { type: 'role', id: 'r1', label: 'AI risk owner', owners: [{ userId: 'u-deputy', how: 'deputises for' }] },
    { type: 'control', id: 'A.6.2.6', label: 'A.6.2.6 Operation and monitoring', owners: [] },
  ];

  it('refuses a member auditor who owns an AI system under audit, naming the auditor field and the system', () => {
    expect(independenceErrors([member('u-ok', 'Ines', true), member('u-owner', 'Omar')], areas)).toEqual([
      { field: 'body.auditors.1', message: "Omar owns the AI system 'Support bot' under audit and cannot audit it" },
    ]);
  });

  it('refuses the deputy of a governance role under audit', () => {
    const [e] = independenceErrors([member('u-deputy', 'Dana', true)], areas);
    expect(e.field).toBe('body.auditors.0');
    expect(e.message).toContain("deputises for the governance role 'AI risk owner'");
  });

  it('accepts independent members and named outside auditors (who own nothing here)', () => {
    expect(independenceErrors([member('u-ok', 'Ines', true), { userId: null, name: 'Omar', lead: false }], areas)).toEqual([]);
    expect(independenceErrors([member('u-owner', 'Omar', true)], [])).toEqual([]);
  });

  it('names one error per auditor even when they own several records', () => {
    const both: OwnedArea[] = [areas[0], { ...areas[0], id: 's2', label: 'Pricing model' }];
    expect(independenceErrors([member('u-owner', 'Omar', true)], both)).toHaveLength(1);
  });
});

describe('auditors and status', () => {
  it('needs exactly one lead and nobody twice', () => {
    expect(auditorErrors([member('a', 'A'), member('b', 'B')])).toEqual([
      { field: 'body.auditors', message: 'must name a lead auditor' },
    ]);
    expect(auditorErrors([member('a', 'A', true), member('b', 'B', true)])[0].message).toBe('must name only one lead auditor');
    expect(auditorErrors([member('a', 'A', true), member('a', 'A')])).toEqual([
      { field: 'body.auditors.1', message: 'is listed twice' },
    ]);
    expect(auditorErrors([])).toEqual([]);
  });

  const base = {
    status: 'planned' as const,
    auditors: [member('a', 'A', true)],
    requirementIds: [],
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    conclusions: '',
  };
  it('moves planned → in progress → reported → closed, with auditors to start and conclusions to report', () => {
    expect(statusErrors({ ...base, status: 'in-progress' }, 'planned')).toEqual([]);
    expect(statusErrors({ ...base, status: 'in-progress', auditors: [] }, 'planned')[0].field).toBe('body.auditors');
    expect(statusErrors({ ...base, status: 'reported' }, 'in-progress')).toEqual([
      { field: 'body.conclusions', message: 'write the conclusions before reporting' },
    ]);
    expect(statusErrors({ ...base, status: 'reported' }, 'planned').map((e) => e.field)).toContain('body.status');
    expect(statusErrors({ ...base, status: 'closed', conclusions: 'ok' }, 'reported')).toEqual([]);
    expect(statusErrors({ ...base, status: 'reported', conclusions: 'ok' }, null)[0].field).toBe('body.status');
  });

  it('refuses an end before the start', () => {
    expect(statusErrors({ ...base, plannedStart: '2026-03-02', plannedEnd: '2026-03-01' }, null)).toEqual([
      { field: 'body.plannedEnd', message: 'must not be before the planned start' },
    ]);
  });

  it('numbers audits IA-001 and reads numbers back', () => {
    expect(auditNumber(7)).toBe('IA-007');
    expect(parseAuditNumber('ia-12')).toBe(12);
    expect(parseAuditNumber('risk')).toBeNull();
  });
});

describe('checklist generation', () => {
  const facts = { inventory: ['2 AI systems in the inventory.'], scope: ['Scope version 1 approved.'], risk: ['4 risks.'] };
  const samples = (modules: string[]) => ({ text: modules.join('+'), links: [] });

  it('starts with the standing topics, then one item per requirement in scope, each with its facts', () => {
    const items = buildChecklist(['6.1.2', 'A.6.2.6', 'nope'], facts, samples);
    expect(items.map((i) => i.key)).toEqual([...CHECKLIST_TOPICS.map((t) => t.key), '6.1.2', 'A.6.2.6']);
    const scope = items.find((i) => i.key === 'scope-accuracy');
    expect(scope?.facts).toEqual(['Scope version 1 approved.', '2 AI systems in the inventory.']);
    expect(scope?.sample.text).toBe('scope+inventory');
    const risk = items.find((i) => i.key === '6.1.2');
    expect(risk).toMatchObject({ kind: 'requirement', modules: ['risk'], facts: ['4 risks.'] });
    expect(risk?.title).toMatch(/^6\.1\.2 /);
  });

  it('says when OpenAIMS holds nothing for an item instead of leaving it blank', () => {
    const training = buildChecklist([], facts, samples).find((i) => i.key === 'training-records');
    expect(training?.facts).toEqual([expect.stringContaining('holds no records')]);
  });
});
