import { expect } from 'vitest';
import type { Client } from './app.js';

/**
 * The facts shown beside each requirement of an assessment, as the web app
 * joins them: the answer names its catalogue `module`, the organization's
 * facts (`GET …/facts`) are keyed by module.
 */
export async function factsBeside(client: Client, orgId: string, assessmentId: string) {
  const [a, f] = await Promise.all([
    client.get(`/api/v1/orgs/${orgId}/gap-assessments/${assessmentId}`),
    client.get(`/api/v1/orgs/${orgId}/facts`),
  ]);
  expect(a.status).toBe(200);
  expect(f.status).toBe(200);
  const answers = a.body.answers as { requirementId: string; module: string }[];
  const modules = f.body.modules as Record<string, string[]>;
  return (requirementId: string): string[] => {
    const answer = answers.find((x) => x.requirementId === requirementId);
    expect(answer, requirementId).toBeDefined();
    return modules[answer?.module ?? ''] ?? [];
  };
}
