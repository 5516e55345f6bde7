// The ids that exist in each framework a crosswalk points to: ids only, no
// text. The crosswalk test checks every target against these lists, so a
// mistyped or invented id (a "5.38", an "Article 200") cannot ship.

/** ISO/IEC 27001:2022 clauses 4 to 10, at the depth the crosswalk uses. */
export const ISO27001_CLAUSE_IDS: readonly string[] = [
  '4.1',
  '4.2',
  '4.3',
  '4.4',
  '5.1',
  '5.2',
  '5.3',
  '6.1.1',
  '6.1.2',
  '6.1.3',
  '6.2',
  '6.3',
  '7.1',
  '7.2',
  '7.3',
  '7.4',
  '7.5.1',
  '7.5.2',
  '7.5.3',
  '8.1',
  '8.2',
  '8.3',
  '9.1',
  '9.2.1',
  '9.2.2',
  '9.3.1',
  '9.3.2',
  '9.3.3',
  '10.1',
  '10.2',
];

/**
 * ISO/IEC 27001:2022 Annex A controls, written with an "A." prefix so they
 * never collide with the clause ids (clause 5.1 and control 5.1 differ):
 * organizational 5.1 to 5.37, people 6.1 to 6.8, physical 7.1 to 7.14,
 * technological 8.1 to 8.34; 93 in all.
 */
export const ISO27001_ANNEX_A_IDS: readonly string[] = (
  [
    [5, 37],
    [6, 8],
    [7, 14],
    [8, 34],
  ] as const
).flatMap(([theme, count]) => Array.from({ length: count }, (_, i) => `A.${theme}.${i + 1}`));

/** NIST AI RMF 1.0 categories (the level the crosswalk links at). */
export const NIST_AI_RMF_CATEGORY_IDS: readonly string[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => `GOVERN ${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `MAP ${n}`),
  ...[1, 2, 3, 4].map((n) => `MEASURE ${n}`),
  ...[1, 2, 3, 4].map((n) => `MANAGE ${n}`),
];

/** Regulation (EU) 2024/1689 has Articles 1 to 113. */
export const EU_AI_ACT_ARTICLE_IDS: readonly string[] = Array.from({ length: 113 }, (_, i) => `Article ${i + 1}`);

/** The ids each crosswalk's targets must come from, by crosswalk id. */
export const FRAMEWORK_IDS: Record<'iso27001-2022' | 'nist-ai-rmf-1.0' | 'eu-ai-act', readonly string[]> = {
  'iso27001-2022': [...ISO27001_CLAUSE_IDS, ...ISO27001_ANNEX_A_IDS],
  'nist-ai-rmf-1.0': NIST_AI_RMF_CATEGORY_IDS,
  'eu-ai-act': EU_AI_ACT_ARTICLE_IDS,
};
