/**
 * Random answers from a JSON Schema (enough of draft 4 for Heroku's hyper-schema: `$ref` within
 * the document, `type` lists, `enum`, `format`, `properties`, `anyOf`/`oneOf`), seeded so a failure
 * replays. What it makes is checked by Ajv against the same schema before a test serves it.
 */
type Schema = Record<string, unknown>;

export function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function schemaSampler(document: Schema, random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const word = () => pick(['ada', 'grace', 'hedy', 'katherine', 'margaret', 'radia', 'frances', 'barbara']);
  const resolve = (schema: Schema): Schema => {
    let current = schema;
    while (typeof current.$ref === 'string') {
      current = (current.$ref as string)
        .slice(2)
        .split('/')
        .reduce<Schema>((node, key) => node[decodeURIComponent(key)] as Schema, document);
    }
    return current;
  };
  const STRINGS: Record<string, () => string> = {
    email: () => `${word()}.${Math.floor(random() * 1000)}@example.com`,
    'date-time': () =>
      new Date(Date.UTC(2010 + Math.floor(random() * 16), Math.floor(random() * 12), 1 + Math.floor(random() * 28))).toISOString(),
    uuid: () => crypto.randomUUID(),
    uri: () => `https://${word()}.example/${word()}`,
  };

  function sample(given: Schema, depth = 0): unknown {
    const schema = resolve(given);
    const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
    if (options) return sample(pick(options), depth);
    if (Array.isArray(schema.enum)) return pick(schema.enum);
    const types = ([] as string[]).concat((schema.type as string | string[] | undefined) ?? (schema.properties ? 'object' : 'string'));
    const type = types.length > 1 && random() < 0.3 ? pick(types) : (types.find((t) => t !== 'null') ?? 'null');
    switch (type) {
      case 'null':
        return null;
      case 'boolean':
        return random() < 0.5;
      case 'integer':
      case 'number':
        return Math.floor(random() * 10_000);
      case 'object': {
        if (depth > 4) return {};
        const properties = (schema.properties ?? {}) as Record<string, Schema>;
        return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, sample(property, depth + 1)]));
      }
      case 'array':
        return depth > 4 ? [] : Array.from({ length: Math.floor(random() * 3) }, () => sample((schema.items ?? {}) as Schema, depth + 1));
      default:
        return STRINGS[schema.format as string]?.() ?? `${word()} ${word()}`;
    }
  }
  return sample;
}
