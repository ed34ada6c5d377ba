import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WhoamiError } from '../../../../../lib/shared/errors';
import { profileSchema } from '../../../../../lib/shared/profile';
import { providerIds, providers } from '../../../../../lib/background/providers';
import chakraSeed from '../../../../fixtures/chakra.seed.json';
import insightoSeed from '../../../../fixtures/insighto.seed.json';
import leadpingSeed from '../../../../fixtures/leadping.seed.json';
import wachtSeed from '../../../../fixtures/wacht.seed.json';

const seeds: Record<string, unknown> = { insighto: insightoSeed, wacht: wachtSeed, leadping: leadpingSeed, chakra: chakraSeed };

/** Every path into a JSON value, so a property can replace any one of them. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out: Array<Array<string | number>> = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...paths(item, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[path[0]!] = replaceAt(copy[path[0]!], path.slice(1), replacement);
  return copy;
}

/** The only outcomes allowed: a profile that passes the profile schema, or an invalid response. */
function checkOutcome(parse: (body: unknown) => unknown, body: unknown) {
  let profile: unknown;
  try {
    profile = parse(body);
  } catch (error) {
    expect(error).toBeInstanceOf(WhoamiError);
    expect((error as WhoamiError).kind).toBe('invalid-response');
    return;
  }
  expect(profileSchema.safeParse(profile).success).toBe(true);
}

const json = fc.jsonValue({ maxDepth: 4 });

describe.each(providerIds)('%s parseProfile over arbitrary JSON', (id) => {
  const parse = (body: unknown) => providers[id].parseProfile(body);
  const seed = seeds[id];
  const seedPaths = paths(seed);

  it('throws only the invalid-response error, or yields a valid profile, for any JSON', () => {
    fc.assert(
      fc.property(json, (body) => checkOutcome(parse, body)),
      { numRuns: 300 },
    );
  });

  it('does the same when any one place of the seed holds any JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seedPaths), json, (path, value) => checkOutcome(parse, replaceAt(seed, path, value))),
      { numRuns: 500 },
    );
  });

  it('does the same with strings of any kind in every place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seedPaths), fc.string({ unit: 'grapheme', maxLength: 40 }), (path, value) =>
        checkOutcome(parse, replaceAt(seed, path, value)),
      ),
      { numRuns: 300 },
    );
  });
});
