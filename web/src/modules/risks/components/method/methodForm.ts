import { riskColor } from '../../../../shared/org/riskLevels';
import type { RiskMethodContent } from '../../hooks/useRiskMethod';

// Edits of the risk method that keep it whole: a scale that grows or shrinks
// takes its matrix row or column along, a level removed hands its cells to a
// neighbour, a dimension removed leaves no descriptor behind. Pure functions,
// so the editor's sections stay simple and the server rarely has to refuse.

export type Method = RiskMethodContent;
export type Axis = 'likelihood' | 'impact';

export const MAX_POINTS = 10;
export const MIN_POINTS = 2;
export const MAX_LEVELS = 6;

export const sameContent = (a: Method, b: Method) => JSON.stringify(a) === JSON.stringify(b);

/** A short lower-case id from a name, unique among `taken` (the API's id pattern). */
export function slugId(name: string, taken: string[], fallback: string): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^[^a-z]+/, '')
      .slice(0, 24) || fallback;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** Adds a point at the top of a scale; the matrix copies the previous top row or column. */
export function addPoint(m: Method, axis: Axis): Method {
  const n = m[axis].length + 1;
  if (axis === 'likelihood') {
    return {
      ...m,
      likelihood: [...m.likelihood, { value: n, label: '', descriptor: '' }],
      matrix: [...m.matrix, [...(m.matrix[m.matrix.length - 1] ?? [])]],
    };
  }
  const dimensions = Object.fromEntries(m.impactDimensions.map((d) => [d.id, '']));
  return {
    ...m,
    impact: [...m.impact, { value: n, label: '', descriptor: '', dimensions }],
    matrix: m.matrix.map((row) => [...row, row[row.length - 1]]),
  };
}

/** Removes the top point of a scale and its matrix row or column. */
export function removeTopPoint(m: Method, axis: Axis): Method {
  if (axis === 'likelihood') return { ...m, likelihood: m.likelihood.slice(0, -1), matrix: m.matrix.slice(0, -1) };
  return { ...m, impact: m.impact.slice(0, -1), matrix: m.matrix.map((row) => row.slice(0, -1)) };
}

export function setCell(m: Method, likelihood: number, impact: number, levelId: string): Method {
  return {
    ...m,
    matrix: m.matrix.map((row, l) => (l === likelihood - 1 ? row.map((c, i) => (i === impact - 1 ? levelId : c)) : row)),
  };
}

/** A new level above the others (the highest). */
export function addLevel(m: Method, name: string): Method {
  const id = slugId(
    name,
    m.levels.map((l) => l.id),
    'level',
  );
  return { ...m, levels: [...m.levels, { id, name: name.trim() }] };
}

/** Removes a level; its cells and the acceptance threshold move to the next lower level (or the next higher). */
export function removeLevel(m: Method, id: string): Method {
  const i = m.levels.findIndex((l) => l.id === id);
  if (i < 0 || m.levels.length <= 2) return m;
  const heir = (m.levels[i - 1] ?? m.levels[i + 1]).id;
  const swap = (x: string) => (x === id ? heir : x);
  return {
    ...m,
    levels: m.levels.filter((l) => l.id !== id),
    matrix: m.matrix.map((row) => row.map(swap)),
    acceptance: { ...m.acceptance, maxAcceptableLevel: swap(m.acceptance.maxAcceptableLevel) },
  };
}

/** Moves a level one place lower (-1) or higher (+1) in the order. */
export function moveLevel(m: Method, id: string, by: -1 | 1): Method {
  const i = m.levels.findIndex((l) => l.id === id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= m.levels.length) return m;
  const levels = [...m.levels];
  [levels[i], levels[j]] = [levels[j], levels[i]];
  return { ...m, levels };
}

export function addDimension(m: Method, name: string, aboutPeople: boolean): Method {
  const id = slugId(
    name,
    m.impactDimensions.map((d) => d.id),
    'dimension',
  );
  return {
    ...m,
    impactDimensions: [...m.impactDimensions, { id, name: name.trim(), aboutPeople }],
    impact: m.impact.map((p) => ({ ...p, dimensions: { ...p.dimensions, [id]: '' } })),
  };
}

export function removeDimension(m: Method, id: string): Method {
  if (m.impactDimensions.length <= 1) return m;
  return {
    ...m,
    impactDimensions: m.impactDimensions.filter((d) => d.id !== id),
    impact: m.impact.map((p) => ({
      ...p,
      dimensions: Object.fromEntries(Object.entries(p.dimensions).filter(([k]) => k !== id)),
    })),
  };
}

export function addSource(m: Method, name: string): Method {
  const id = slugId(
    name,
    m.riskSources.map((s) => s.id),
    'source',
  );
  return { ...m, riskSources: [...m.riskSources, { id, name: name.trim(), inUse: true }] };
}

/** The Mantine colour of a level: the lowest green, the highest red. */
export function levelColor(m: Method, levelId: string): string {
  return riskColor(
    levelId,
    m.levels.map((l) => l.id),
  );
}

export const levelName = (m: Method, levelId: string) => m.levels.find((l) => l.id === levelId)?.name ?? levelId;

/** Where a check's or error's field sits in the editor: the section to scroll to. */
export function sectionIdOf(field: string): string | null {
  const head = field.split('.')[0];
  if (head === 'likelihood') return 'method-likelihood';
  if (head === 'descriptors') return 'method-likelihood';
  if (head === 'impact' || head === 'impactDimensions') return 'method-impact';
  if (head === 'levels' || head === 'matrix') return 'method-matrix';
  if (head === 'acceptance' || head === 'reviewIntervalMonths') return 'method-acceptance';
  if (head === 'riskSources') return 'method-sources';
  return null;
}
