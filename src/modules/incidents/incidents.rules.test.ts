import { describe, expect, it } from 'vitest';
import { incidentNumber, parseIncidentNumber, statusErrors } from './incidents.rules.js';
import type { Incident } from './incidents.schemas.js';
import { buildTimeline } from './incidents.timeline.js';

const facts = {
  status: 'closed' as const,
  severity: 'critical' as const,
  containment: 'Switched off',
  rootCause: 'Bad prompt',
  lessonsLearned: 'Review prompts',
  communications: [] as unknown[],
  noCommunicationReason: null as string | null,
};

describe('incident rules', () => {
  it('numbers and parses INC numbers', () => {
    expect(incidentNumber(7)).toBe('INC-007');
    expect(incidentNumber(1234)).toBe('INC-1234');
    expect(parseIncidentNumber('inc-12')).toBe(12);
    expect(parseIncidentNumber('INC 3')).toBe(3);
    expect(parseIncidentNumber('chatbot')).toBeNull();
  });

  it('closes a critical incident only with a communication or a reason none was needed', () => {
    expect(statusErrors(facts).map((e) => e.field)).toEqual(['body.communications']);
    expect(statusErrors({ ...facts, noCommunicationReason: '  ' }).map((e) => e.field)).toEqual(['body.communications']);
    expect(statusErrors({ ...facts, noCommunicationReason: 'Internal test system only' })).toEqual([]);
    expect(statusErrors({ ...facts, communications: [{}] })).toEqual([]);
    expect(statusErrors({ ...facts, severity: 'medium' })).toEqual([]);
  });

  it('asks for root cause and lessons learned to close, containment to contain, nothing to resolve', () => {
    const bare = { ...facts, severity: 'low' as const, containment: '', rootCause: ' ', lessonsLearned: '' };
    expect(statusErrors(bare).map((e) => e.field)).toEqual(['body.rootCause', 'body.lessonsLearned']);
    expect(statusErrors({ ...bare, status: 'contained' }).map((e) => e.field)).toEqual(['body.containment']);
    expect(statusErrors({ ...bare, status: 'resolved' })).toEqual([]);
    expect(statusErrors({ ...bare, status: 'open' })).toEqual([]);
  });
});

describe('incident timeline', () => {
  const incident = {
    detectedAt: '2026-03-01T08:00:00.000Z',
    detectedHow: 'monitoring',
    description: 'Accuracy fell',
    severity: 'high',
    communications: [
      { party: 'Customers', when: '2026-03-01T12:00:00.000Z', what: 'Status page note', by: { userId: null, name: 'Comms' } },
    ],
  } as unknown as Incident;
  const person = { userId: 'u1', name: 'Kofi' };
  const history = [
    {
      at: '2026-03-01T09:00:00.000Z',
      actorUserId: 'u0',
      actor: 'ada@example.com',
      action: 'create',
      before: null,
      after: {
        status: 'open',
        severity: 'medium',
        escalation: { to: person, at: '2026-03-01T09:00:00.000Z' },
        linkedRiskIds: [],
      },
    },
    {
      at: '2026-03-01T10:00:00.000Z',
      actorUserId: 'u0',
      actor: 'ada@example.com',
      action: 'update',
      before: {
        status: 'open',
        severity: 'medium',
        escalation: { to: person, at: '2026-03-01T09:00:00.000Z' },
        linkedRiskIds: [],
      },
      after: {
        status: 'contained',
        severity: 'high',
        containment: 'Rolled back',
        escalation: { to: person, at: '2026-03-01T09:00:00.000Z' },
        linkedRiskIds: ['r1'],
      },
    },
  ];

  it('orders detection, creation, escalation, changes, communications and updates oldest first', () => {
    const events = buildTimeline(
      incident,
      history,
      [{ at: '2026-03-01T11:00:00.000Z', note: 'Vendor informed', by: 'Ada' }],
      (userId, label) => (userId === 'u0' ? 'Ada' : label),
      (id) => (id === 'r1' ? 'R-001 Drift' : '?'),
    );
    expect(events.map((e) => [e.kind, e.what])).toEqual([
      ['detected', 'Detected: monitoring'],
      ['created', 'Recorded as medium severity, open'],
      ['escalated', 'Escalated to Kofi'],
      ['severity', 'Severity changed from medium to high'],
      ['risk-linked', 'Linked to risk R-001 Drift'],
      ['containment', 'Containment recorded'],
      ['status', 'Status changed from open to contained'],
      ['update', 'Update added'],
      ['communication', 'Communicated to Customers'],
    ]);
    expect(events[1].who).toBe('Ada');
    // an unchanged escalation is not repeated by later edits
    expect(events.filter((e) => e.kind === 'escalated')).toHaveLength(1);
  });
});
