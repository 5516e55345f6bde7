import { describe, expect, it } from 'vitest';
import { readCsv } from '../exports/csv.js';
import {
  ANNEX_A,
  CATALOGUE_VERSION,
  CLAUSES,
  CROSSWALK_IDS,
  CROSSWALKS,
  catalogue,
  catalogueSchema,
  crosswalkById,
  crosswalkDetail,
  getRequirement,
  FRAMEWORK_IDS,
  ISMS_PROCESS_IDS,
  ISMS_PROCESSES,
  isRequirementId,
  MODULE_IDS,
  NEVER_PREFILLED,
  REQUIREMENTS,
  REVIEW_AREA_IDS,
  REVIEW_AREAS,
  requirementsByGroup,
  requirementsInArea,
  toCsv,
} from './index.js';

// Copied by hand from ../shared/reference/iso42001-facts.md. Other products
// ship catalogues with wrong ids ("A.4.1", "A.11"); this list is the check.
const EXPECTED_CLAUSES: [string, string][] = [
  ['4.1', 'Understanding the organization and its context'],
  ['4.2', 'Understanding the needs and expectations of interested parties'],
  ['4.3', 'Determining the scope of the AI management system'],
  ['4.4', 'AI management system'],
  ['5.1', 'Leadership and commitment'],
  ['5.2', 'AI policy'],
  ['5.3', 'Roles, responsibilities and authorities'],
  ['6.1.1', 'Actions to address risks and opportunities: general'],
  ['6.1.2', 'AI risk assessment (process)'],
  ['6.1.3', 'AI risk treatment (process, Statement of Applicability)'],
  ['6.1.4', 'AI system impact assessment (process)'],
  ['6.2', 'AI objectives and planning to achieve them'],
  ['6.3', 'Planning of changes'],
  ['7.1', 'Resources'],
  ['7.2', 'Competence'],
  ['7.3', 'Awareness'],
  ['7.4', 'Communication'],
  ['7.5.1', 'Documented information: general'],
  ['7.5.2', 'Creating and updating documented information'],
  ['7.5.3', 'Control of documented information'],
  ['8.1', 'Operational planning and control'],
  ['8.2', 'AI risk assessment (performed)'],
  ['8.3', 'AI risk treatment (performed)'],
  ['8.4', 'AI system impact assessment (performed)'],
  ['9.1', 'Monitoring, measurement, analysis and evaluation'],
  ['9.2.1', 'Internal audit: general'],
  ['9.2.2', 'Internal audit programme'],
  ['9.3.1', 'Management review: general'],
  ['9.3.2', 'Management review inputs'],
  ['9.3.3', 'Management review results'],
  ['10.1', 'Continual improvement'],
  ['10.2', 'Nonconformity and corrective action'],
];

const EXPECTED_ANNEX_A: [string, string][] = [
  ['A.2.2', 'AI policy'],
  ['A.2.3', 'Alignment with other organizational policies'],
  ['A.2.4', 'Review of the AI policy'],
  ['A.3.2', 'AI roles and responsibilities'],
  ['A.3.3', 'Reporting of concerns'],
  ['A.4.2', 'Resource documentation'],
  ['A.4.3', 'Data resources'],
  ['A.4.4', 'Tooling resources'],
  ['A.4.5', 'System and computing resources'],
  ['A.4.6', 'Human resources'],
  ['A.5.2', 'AI system impact assessment process'],
  ['A.5.3', 'Documentation of AI system impact assessments'],
  ['A.5.4', 'Assessing AI system impact on individuals or groups of individuals'],
  ['A.5.5', 'Assessing societal impacts of AI systems'],
  ['A.6.1.2', 'Objectives for responsible development of AI system'],
  ['A.6.1.3', 'Processes for responsible AI system design and development'],
  ['A.6.2.2', 'AI system requirements and specification'],
  ['A.6.2.3', 'Documentation of AI system design and development'],
  ['A.6.2.4', 'AI system verification and validation'],
  ['A.6.2.5', 'AI system deployment'],
  ['A.6.2.6', 'AI system operation and monitoring'],
  ['A.6.2.7', 'AI system technical documentation'],
  ['A.6.2.8', 'AI system recording of event logs'],
  ['A.7.2', 'Data for development and enhancement of AI system'],
  ['A.7.3', 'Acquisition of data'],
  ['A.7.4', 'Quality of data for AI systems'],
  ['A.7.5', 'Data provenance'],
  ['A.7.6', 'Data preparation'],
  ['A.8.2', 'System documentation and information for users'],
  ['A.8.3', 'External reporting'],
  ['A.8.4', 'Communication of incidents'],
  ['A.8.5', 'Information for interested parties'],
  ['A.9.2', 'Processes for responsible use of AI systems'],
  ['A.9.3', 'Objectives for responsible use of AI system'],
  ['A.9.4', 'Intended use of the AI system'],
  ['A.10.2', 'Allocating responsibilities'],
  ['A.10.3', 'Suppliers'],
  ['A.10.4', 'Customers'],
];

const EXPECTED_OBJECTIVES: [string, string, number][] = [
  ['A.2', 'Policies related to AI', 3],
  ['A.3', 'Internal organization', 2],
  ['A.4', 'Resources for AI systems', 5],
  ['A.5', 'Assessing impacts of AI systems', 4],
  ['A.6', 'AI system life cycle', 9],
  ['A.7', 'Data for AI systems', 5],
  ['A.8', 'Information for interested parties of AI systems', 4],
  ['A.9', 'Use of AI systems', 3],
  ['A.10', 'Third-party and customer relationships', 3],
];

describe('ISO/IEC 42001 catalogue', () => {
  it('has exactly 32 clause requirements and 38 Annex A controls', () => {
    expect(CLAUSES).toHaveLength(32);
    expect(ANNEX_A).toHaveLength(38);
    expect(REQUIREMENTS).toHaveLength(70);
    expect(REQUIREMENTS.filter((r) => r.kind === 'clause')).toHaveLength(32);
    expect(REQUIREMENTS.filter((r) => r.kind === 'annex-a')).toHaveLength(38);
  });

  it('uses exactly the reference ids and short titles, in order', () => {
    expect(CLAUSES.map((r) => [r.id, r.title])).toEqual(EXPECTED_CLAUSES);
    expect(ANNEX_A.map((r) => [r.id, r.title])).toEqual(EXPECTED_ANNEX_A);
    expect(REQUIREMENTS.map((r) => r.id)).toEqual([...EXPECTED_CLAUSES, ...EXPECTED_ANNEX_A].map(([id]) => id));
    expect(new Set(REQUIREMENTS.map((r) => r.id)).size).toBe(70);
  });

  it('has nine Annex A objectives with 3, 2, 5, 4, 9, 5, 4, 3, 3 controls', () => {
    const groups = requirementsByGroup().filter((g) => g.kind === 'annex-a');
    expect(groups.map((g) => [g.group, g.groupTitle, g.requirements.length])).toEqual(EXPECTED_OBJECTIVES);
    expect(groups.reduce((n, g) => n + g.requirements.length, 0)).toBe(38);
  });

  it('groups clauses 4 to 10 by their clause number', () => {
    const groups = requirementsByGroup().filter((g) => g.kind === 'clause');
    expect(groups.map((g) => [g.group, g.requirements.length])).toEqual([
      ['4', 4],
      ['5', 3],
      ['6', 6],
      ['7', 7],
      ['8', 4],
      ['9', 6],
      ['10', 2],
    ]);
    for (const r of CLAUSES) {
      expect(r.id.split('.')[0], r.id).toBe(r.group);
      expect(r.subgroup).toBeNull();
    }
  });

  it('puts A.6 controls in sub-objectives A.6.1 and A.6.2, and no other control in one', () => {
    expect(getRequirement('A.6.1.2')).toMatchObject({
      group: 'A.6',
      groupTitle: 'AI system life cycle',
      subgroup: 'A.6.1',
      subgroupTitle: 'Management guidance for AI system development',
    });
    expect(getRequirement('A.6.2.8')).toMatchObject({ group: 'A.6', subgroup: 'A.6.2', subgroupTitle: 'AI system life cycle' });
    expect(getRequirement('A.10.3')).toMatchObject({ group: 'A.10', subgroup: null });
    for (const r of ANNEX_A) expect(r.subgroup !== null, r.id).toBe(r.group === 'A.6');
  });

  it('knows no id outside the reference', () => {
    for (const bad of [
      'A.4.1',
      'A.11',
      'A.11.1',
      'A.2.1',
      'A.6.1',
      'A.6.2.1',
      'A.6.2.9',
      '6.1',
      '7.5',
      '9.2',
      '9.3',
      '11.1',
      '4.5',
      '',
    ]) {
      expect(isRequirementId(bad), bad).toBe(false);
      expect(getRequirement(bad), bad).toBeUndefined();
    }
    expect(isRequirementId('A.6.2.6')).toBe(true);
    expect(getRequirement('9.2.2')?.title).toBe('Internal audit programme');
  });

  it('gives every entry our guidance, a module and at least one review area', () => {
    for (const r of REQUIREMENTS) {
      expect(r.intent.length, `${r.id} intent`).toBeGreaterThan(20);
      expect(r.intent.length, `${r.id} intent is short`).toBeLessThanOrEqual(240);
      expect(r.questions.length, `${r.id} questions`).toBeGreaterThanOrEqual(2);
      expect(r.questions.length, `${r.id} questions`).toBeLessThanOrEqual(4);
      for (const q of r.questions) expect(q, `${r.id} question`).toMatch(/\?$/);
      expect(r.evidence.length, `${r.id} evidence`).toBeGreaterThanOrEqual(1);
      expect(r.evidence.length, `${r.id} evidence`).toBeLessThanOrEqual(4);
      expect(MODULE_IDS, `${r.id} module`).toContain(r.module);
      expect(r.reviewAreas.length, `${r.id} review areas`).toBeGreaterThanOrEqual(1);
      expect(new Set(r.reviewAreas).size, `${r.id} review areas repeat`).toBe(r.reviewAreas.length);
      for (const a of r.reviewAreas) expect(REVIEW_AREA_IDS, `${r.id} area`).toContain(a);
    }
  });

  it('lists documented information for the clauses that require it', () => {
    const withDocs = CLAUSES.filter((r) => r.documentedInformation.length > 0).map((r) => r.id);
    expect(withDocs).toEqual([
      '4.3',
      '5.2',
      '6.1.1',
      '6.1.2',
      '6.1.3',
      '6.1.4',
      '6.2',
      '7.2',
      '7.5.3',
      '8.1',
      '8.2',
      '8.3',
      '8.4',
      '9.1',
      '9.2.2',
      '9.3.3',
      '10.2',
    ]);
    expect(getRequirement('6.1.3')?.documentedInformation).toHaveLength(3);
  });

  it('has the twelve review areas, each covering at least two requirements', () => {
    expect(REVIEW_AREAS.map((a) => a.id)).toEqual([...REVIEW_AREA_IDS]);
    expect(REVIEW_AREAS.map((a) => a.title)).toEqual([
      'AI policy and objectives',
      'AI system inventory',
      'AI risk assessment process',
      'AI roles and responsibilities',
      'AI life-cycle controls',
      'Data governance',
      'Model or system monitoring',
      'Supplier and vendor controls',
      'Incident handling',
      'Internal audit readiness',
      'Management review readiness',
      'Evidence available for external audit',
    ]);
    for (const a of REVIEW_AREAS) expect(requirementsInArea(a.id).length, a.id).toBeGreaterThanOrEqual(2);
  });

  it('serves a shape the API schema accepts, with the version', () => {
    const served = catalogue();
    expect(served.version).toBe(CATALOGUE_VERSION);
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}\.\d{1,2}\.\d+$/);
    expect(catalogueSchema.parse(served)).toEqual(served);
  });
});

describe('crosswalks', () => {
  it('has the three crosswalks, each labelled as our own mapping', () => {
    expect(CROSSWALKS.map((c) => c.id)).toEqual([...CROSSWALK_IDS]);
    for (const c of CROSSWALKS) {
      expect(c.disclaimer).toMatch(/^OpenAIMS's own reasoned mapping, not an official one/);
      expect(crosswalkById(c.id)).toBe(c);
    }
    expect(crosswalkById('nist-ai-rmf-1.0')?.disclaimer).toMatch(/structure of NIST's public .*crosswalk/);
    expect(crosswalkById('nope')).toBeUndefined();
  });

  it('links only real catalogue ids to real target ids, once each, with a one-line rationale', () => {
    for (const c of CROSSWALKS) {
      const targets = new Set(c.targets.map((t) => t.id));
      expect(targets.size, `${c.id} target ids repeat`).toBe(c.targets.length);
      const seen = new Set<string>();
      for (const l of c.links) {
        expect(isRequirementId(l.from), `${c.id}: ${l.from}`).toBe(true);
        expect(targets.has(l.to), `${c.id}: ${l.to}`).toBe(true);
        expect(l.rationale, `${c.id}: ${l.from} -> ${l.to}`).toMatch(/^[^\n]{10,160}$/);
        const key = `${l.from}->${l.to}`;
        expect(seen.has(key), `${c.id}: ${key} twice`).toBe(false);
        seen.add(key);
      }
      // every target is reached by at least one link
      for (const t of c.targets)
        expect(
          c.links.some((l) => l.to === t.id),
          `${c.id}: ${t.id} unlinked`,
        ).toBe(true);
    }
  });

  it('names only ids that exist in the target framework', () => {
    for (const c of CROSSWALKS) {
      const known = new Set(FRAMEWORK_IDS[c.id]);
      for (const t of c.targets) expect(known.has(t.id), `${c.id}: ${t.id} is not an id of ${c.source}`).toBe(true);
      for (const l of c.links) expect(known.has(l.to), `${c.id}: ${l.from} -> ${l.to}`).toBe(true);
    }
    // the lists themselves: ISO/IEC 27001:2022 has 93 Annex A controls, the AI Act 113 articles
    const iso = FRAMEWORK_IDS['iso27001-2022'];
    expect(iso.filter((id) => id.startsWith('A.'))).toHaveLength(93);
    expect(iso).toContain('A.5.37');
    expect(iso).toContain('A.8.34');
    expect(iso).not.toContain('A.5.38');
    expect(iso).not.toContain('A.6.9');
    expect(FRAMEWORK_IDS['eu-ai-act']).toHaveLength(113);
    expect(FRAMEWORK_IDS['nist-ai-rmf-1.0']).not.toContain('GOVERN 7');
  });

  it('keeps no link whose rationale says there is no counterpart', () => {
    for (const c of CROSSWALKS)
      for (const l of c.links)
        expect(l.rationale, `${c.id}: ${l.from} -> ${l.to}`).not.toMatch(/\bno\b[^.;]*\b(counterpart|equivalent|match)/i);
  });

  it('maps every ISO/IEC 27001 clause 4.1 to 10.2, and every 42001 clause that has an ISMS counterpart', () => {
    const c = crosswalkById('iso27001-2022')!;
    const clauses = c.targets.filter((t) => !t.id.startsWith('A.'));
    expect(clauses).toHaveLength(30);
    expect(clauses[0].id).toBe('4.1');
    expect(clauses.at(-1)?.id).toBe('10.2');
    // the impact assessment has none, so it has no link
    for (const r of CLAUSES)
      expect(
        c.links.some((l) => l.from === r.id),
        r.id,
      ).toBe(!['6.1.4', '8.4'].includes(r.id));
  });

  it('maps the incident items to the ISO/IEC 27001 incident controls and the supplier items to 5.19 to 5.23', () => {
    const c = crosswalkById('iso27001-2022')!;
    const to = (from: string) => c.links.filter((l) => l.from === from).map((l) => l.to);
    expect(to('A.8.4')).toEqual(['A.5.24', 'A.5.26', 'A.5.27']);
    expect(to('A.8.4')).not.toContain('7.4');
    expect(to('A.8.3')).toEqual(expect.arrayContaining(['A.5.25', 'A.6.8']));
    expect(to('A.3.3')).toContain('A.6.8');
    expect(to('A.10.3')).toEqual(expect.arrayContaining(['A.5.19', 'A.5.21', 'A.5.22', 'A.5.23']));
    expect(to('A.10.2')).toEqual(expect.arrayContaining(['A.5.19', 'A.5.20']));
  });

  it('names the ISMS processes an ISO/IEC 27001 holder reuses, each with the AI-specific part to do', () => {
    expect(ISMS_PROCESSES.map((p) => p.id).sort()).toEqual([...ISMS_PROCESS_IDS].sort());
    const prefilled = new Set<string>();
    for (const p of ISMS_PROCESSES) {
      // risk management pre-fills nothing: all its AI counterparts are AI-specific work
      if (p.id !== 'risk-management') expect(p.prefills.length, p.id).toBeGreaterThan(0);
      for (const f of p.prefills) {
        expect(isRequirementId(f.requirementId), `${p.id}: ${f.requirementId}`).toBe(true);
        expect(f.aiSpecificPart.length, `${p.id}: ${f.requirementId}`).toBeGreaterThan(10);
        expect(prefilled.has(f.requirementId), `${f.requirementId} pre-filled twice`).toBe(false);
        prefilled.add(f.requirementId);
      }
    }
    // A link that names a process is backed by that process's pre-fill.
    const c = crosswalkById('iso27001-2022')!;
    expect(c.processes).toHaveLength(ISMS_PROCESSES.length);
    for (const l of c.links.filter((x) => x.process)) {
      const p = ISMS_PROCESSES.find((x) => x.id === l.process);
      expect(
        p?.prefills.some((f) => f.requirementId === l.from),
        `${l.from} via ${l.process}`,
      ).toBe(true);
    }
  });

  it('never pre-fills an AI-specific artefact, and pre-fills only what an ISMS gives', () => {
    const prefilled = ISMS_PROCESSES.flatMap((p) => p.prefills.map((f) => f.requirementId));
    // AI policy, AI risk criteria, method, assessment and treatment (and the SoA), AI objectives, impact assessment, A.5
    const never = ['5.2', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.2', '8.2', '8.3', '8.4', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5'];
    expect([...NEVER_PREFILLED].sort()).toEqual([...never].sort());
    for (const id of [...never, ...REQUIREMENTS.filter((r) => r.group === 'A.5').map((r) => r.id)])
      expect(prefilled, `${id} is AI-specific: never pre-filled`).not.toContain(id);
    expect([...prefilled].sort()).toEqual(
      [
        '7.2',
        '7.3',
        '7.4',
        '7.5.1',
        '7.5.2',
        '7.5.3',
        '9.2.1',
        '9.2.2',
        '9.3.1',
        '9.3.2',
        '9.3.3',
        '10.1',
        '10.2',
        'A.10.2',
        'A.10.3',
        'A.3.3',
        'A.8.3',
        'A.8.4',
      ].sort(),
    );
  });

  it('covers the NIST AI RMF categories and the EU AI Act articles asked for', () => {
    const nist = crosswalkById('nist-ai-rmf-1.0')!.targets.map((t) => t.id);
    const expected = [
      ...[1, 2, 3, 4, 5, 6].map((n) => `GOVERN ${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `MAP ${n}`),
      ...[1, 2, 3, 4].map((n) => `MEASURE ${n}`),
      ...[1, 2, 3, 4].map((n) => `MANAGE ${n}`),
    ];
    expect(nist).toEqual(expected);
    const eu = crosswalkById('eu-ai-act')!.targets.map((t) => t.id);
    expect(eu).toEqual([4, 9, 10, 11, 12, 13, 14, 15, 17, 50, 72, 73].map((n) => `Article ${n}`));
    const euLinks = crosswalkById('eu-ai-act')!.links;
    const from = (article: string) => euLinks.filter((l) => l.to === article).map((l) => l.from);
    expect(from('Article 4')).toEqual(expect.arrayContaining(['7.2', '7.3', 'A.4.6']));
    expect(from('Article 50')).toEqual(expect.arrayContaining(['A.8.2', 'A.6.2.2', 'A.8.5']));
  });

  it('serves links with both titles', () => {
    const d = crosswalkDetail(crosswalkById('eu-ai-act')!);
    expect(d.catalogueVersion).toBe(CATALOGUE_VERSION);
    expect(d.links.find((l) => l.from === 'A.6.2.8')).toMatchObject({
      fromTitle: 'AI system recording of event logs',
      to: 'Article 12',
      toTitle: 'Record-keeping',
    });
  });
});

describe('CSV export', () => {
  it('writes a header and one CRLF-terminated row per link', () => {
    const c = crosswalkById('iso27001-2022')!;
    const csv = toCsv(c);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1, -2).split('\r\n');
    expect(lines[0]).toBe('iso42001_id,iso42001_title,target_id,target_title,rationale');
    expect(lines).toHaveLength(c.links.length + 1);
    // "Roles, responsibilities and authorities" holds a comma, so it is quoted.
    const row = lines.find((l) => l.startsWith('5.3,'));
    expect(row).toBe(
      '5.3,"Roles, responsibilities and authorities",5.3,"Organizational roles, responsibilities and authorities",The RACI approach carries over; AI roles are added.',
    );
  });

  it('round-trips through the RFC 4180 reader, formulas neutralised', () => {
    const weird = {
      ...crosswalkById('eu-ai-act')!,
      links: [
        { from: '4.1', to: 'Article 9', rationale: 'has "quotes", commas\r\nand a line break' },
        { from: '4.2', to: 'Article 10', rationale: '=HYPERLINK("http://x")' },
      ],
    };
    const rows = readCsv(toCsv(weird)).map((r) => r.cells);
    expect(rows).toEqual([
      ['iso42001_id', 'iso42001_title', 'target_id', 'target_title', 'rationale'],
      [
        '4.1',
        'Understanding the organization and its context',
        'Article 9',
        'Risk management',
        'has "quotes", commas\r\nand a line break',
      ],
      [
        '4.2',
        'Understanding the needs and expectations of interested parties',
        'Article 10',
        expect.any(String),
        `'=HYPERLINK("http://x")`,
      ],
    ]);
  });
});
