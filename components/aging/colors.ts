/**
 * Aging colours, the same everywhere (bar, badge, worklist): not yet due green, 1–30 light amber, 31–60 amber,
 * 61–90 orange, over 90 red. Text on them meets WCAG AA; colour is never the only carrier of meaning.
 */
export const agingColors = ['#15803d', '#ca8a04', '#b45309', '#c2410c', '#b91c1c'] as const;
export const agingTextOn = ['#ffffff', '#1c1917', '#ffffff', '#ffffff', '#ffffff'] as const;
export const mutedColor = '#6b7280';

/** Colour for a bucket index (0 = not yet due … last = oldest); buckets past the palette use the last colour. */
export function agingColor(index: number): string {
  if (index < 0) return mutedColor;
  return agingColors[Math.min(index, agingColors.length - 1)];
}
