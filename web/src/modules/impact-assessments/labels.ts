// Words for the impact assessment's values, as the web app shows them.

export type ImpactCategory = 'fairness' | 'safety' | 'privacy' | 'human-rights' | 'environment' | 'economic' | 'other';

export const CATEGORY_LABELS: Record<ImpactCategory, string> = {
  fairness: 'Fairness',
  safety: 'Safety',
  privacy: 'Privacy',
  'human-rights': 'Human rights',
  environment: 'Environment',
  economic: 'Economic',
  other: 'Other (name it)',
};

/** What each category asks the assessor to think about (our words). */
export const CATEGORY_HINTS: Record<ImpactCategory, string> = {
  fairness: 'Could some people or groups get worse outcomes than others?',
  safety: 'Could someone be physically or psychologically harmed?',
  privacy: 'Could personal data be exposed, inferred or used beyond its purpose?',
  'human-rights': 'Could it limit rights such as non-discrimination, expression, due process or access to services?',
  environment: 'Energy, water or hardware use, and other effects on the environment.',
  economic: 'Lost income, access to credit or jobs, or wider effects on markets.',
  other: 'Any other impact on individuals, groups or society.',
};

/** A category as a word, without the form's hint. */
export const categoryWord = (c: string) => (CATEGORY_LABELS[c as ImpactCategory] ?? c).replace(' (name it)', '');

/** An impact in a few words: its name, else the start of what could happen, else its category. */
export function impactTitle(i: { category: string; label: string; description: string }): string {
  if (i.label.trim()) return i.label.trim();
  const d = i.description.trim().split('\n')[0];
  if (d) return `${categoryWord(i.category)}: ${d.length > 70 ? `${d.slice(0, 69)}…` : d}`;
  return categoryWord(i.category);
}
