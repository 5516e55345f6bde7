// Colours for a position on the organization's risk scale: the lowest level
// green, the highest red, the ones between from yellow to orange.
const MIDDLE = ['yellow', 'orange'];

export function riskColor(level: string | null | undefined, scale: string[]): string {
  if (!level) return 'gray';
  const i = scale.findIndex((l) => l.toLowerCase() === level.toLowerCase());
  if (i < 0) return 'gray';
  if (i === 0) return 'teal';
  if (i === scale.length - 1) return 'red';
  if (scale.length === 3) return 'yellow';
  return MIDDLE[Math.min(MIDDLE.length - 1, Math.floor(((i - 1) / Math.max(1, scale.length - 2)) * MIDDLE.length))];
}

export function riskLabel(level: string): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}
