import type { ProviderDefinition } from '../../lib/shared/custom/definition';
import type { Profile } from '../../lib/shared/profile';
import { safeImageUrl } from '../../lib/shared/safe-url';
import { isSecretKey } from '../../lib/background/secrets/scrub';
import { droppedMappings, valueAtPath } from '../../lib/views/try-it';

/** Why Whoami rightly shows no value for a field the answer has: its own rule for that field refuses it. */
function rightlyDropped(field: string, value: unknown): boolean {
  if (typeof value !== 'string') return field !== 'id';
  // Whoami's rule for pictures (https, a valid host): generated hosts such as "…+-qmh.4" fail it.
  if (field === 'avatarUrl') return safeImageUrl(value) === null;
  if (field === 'email') return !/^[^\s@]+@[^\s@]+$/.test(value);
  if (field === 'createdAt' || field === 'updatedAt') return Number.isNaN(new Date(value).getTime());
  return false;
}

/**
 * Holds one answer to the mapping: every mapped field the answer has a value for is shown, or
 * Whoami's rule for that field refuses the value. Returns the fields rightly not shown; throws
 * on one wrongly lost.
 */
export function checkMapping(definition: ProviderDefinition, raw: unknown, profile: Profile): string[] {
  const user = definition.envelope ? valueAtPath(raw, definition.envelope) : raw;
  return droppedMappings(definition, raw, profile).map(({ field, path }) => {
    const value = valueAtPath(user, path);
    if (!rightlyDropped(field, value)) throw new Error(`${field} "${String(value)}" at ${path} was not mapped`);
    return field;
  });
}

/** Keys the scrub should have dropped, still holding a value: a provider's own secret kept. */
export function secretKeysIn(value: unknown, found: string[] = []): string[] {
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (isSecretKey(key) && item !== null && typeof item !== 'boolean') found.push(key);
      secretKeysIn(item, found);
    }
  }
  return found;
}

/** A line of the closing note's table: answers checked, answers whole, fields rightly not shown. */
export function tallyLine(name: string, answers: number, dropsPerAnswer: string[][]): string {
  const counts = new Map<string, number>();
  for (const field of dropsPerAnswer.flat()) counts.set(field, (counts.get(field) ?? 0) + 1);
  const whole = dropsPerAnswer.filter((drops) => drops.length === 0).length;
  return `| ${name} | ${answers} | ${whole} | ${[...counts].map(([field, count]) => `${field} ×${count}`).join(', ') || '—'} |`;
}
