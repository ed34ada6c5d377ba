/**
 * A long value cut in its middle ("5f6a7b8c…566601"): the start and end people compare ids by
 * stay, and it fits one line. Counts code points, so no character is split.
 */
export function middleEllipsis(value: string, max = 18): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
