import path from 'node:path';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

// On a machine with no record of earlier runs (CI's clean clone), Vitest
// starts the largest files first; the files that take longest are not the
// largest (they start servers, kill them, drive Chromium), and one that
// starts last keeps the run going alone for up to two minutes while the
// other workers are idle. These start first; the rest keep Vitest's order,
// and a local run that has timings orders by them as usual. From the
// "slowest files" table the summary reporter prints: a file missing here
// costs only time.
const SLOW_FIRST = [
  'test/api/crash-safety.test.ts',
  'test/e2e/',
  'test/api/owners-race.test.ts',
  'test/security/fuzz.test.ts',
  'test/security/authz-matrix.test.ts',
  'test/api/serializer.test.ts',
  'test/api/audit-log-signing.test.ts',
];

function rank(spec: TestSpecification): number {
  const file = path.relative(process.cwd(), spec.moduleId).split(path.sep).join('/');
  const i = SLOW_FIRST.findIndex((p) => (p.endsWith('/') ? file.startsWith(p) : file === p));
  return i === -1 ? SLOW_FIRST.length : i;
}

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const hasTimings = sorted.some((s) =>
      this.ctx.cache.getFileTestResults(`${s.project.name}:${path.relative(this.ctx.config.root, s.moduleId)}`),
    );
    if (hasTimings) return sorted;
    // stable: within a rank, Vitest's order
    return sorted
      .map((s, i) => ({ s, i, r: rank(s) }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.s);
  }
}
