import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as eager from 'zod/mini';
import { z } from '../../../../lib/shared/zod';

/** Every `z.name(` the extension's code calls, by name. */
function buildersCalled(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name))
        for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/\bz\.([a-z]\w*)\(/g)) names.add(name!);
    }
  };
  for (const dir of ['lib', 'components', 'entrypoints']) walk(dir);
  return names;
}

describe('schemas built on first use (lib/shared/zod-deferred.ts)', () => {
  it('defers every builder the code calls: one left out would be built by every wake of the worker', () => {
    const notDeferred = [...buildersCalled()].filter(
      (name) => name !== 'config' && (z as Record<string, unknown>)[name] === (eager as Record<string, unknown>)[name],
    );
    expect(notDeferred).toEqual([]);
  });

  it('parses, refuses and infers exactly as zod does, nested, checked and chained', () => {
    const deferredSchema = z.object({
      id: z.string().check(z.trim(), z.minLength(2, { error: 'too short' })),
      kind: z.enum(['a', 'b']),
      tags: z.optional(z.array(z.string())),
      nested: z.nullable(z.looseObject({ n: z.number().check(z.minimum(0)) })),
      either: z.discriminatedUnion('type', [z.object({ type: z.literal('x'), x: z.int() }), z.object({ type: z.literal('y') })]),
    });
    const eagerSchema = eager.object({
      id: eager.string().check(eager.trim(), eager.minLength(2, { error: 'too short' })),
      kind: eager.enum(['a', 'b']),
      tags: eager.optional(eager.array(eager.string())),
      nested: eager.nullable(eager.looseObject({ n: eager.number().check(eager.minimum(0)) })),
      either: eager.discriminatedUnion('type', [
        eager.object({ type: eager.literal('x'), x: eager.int() }),
        eager.object({ type: eager.literal('y') }),
      ]),
    });
    const inputs = [
      { id: ' ab ', kind: 'a', nested: { n: 1, extra: true }, either: { type: 'x', x: 3 } },
      { id: 'a', kind: 'c', nested: { n: -1 }, either: { type: 'x', x: 1.5 } },
      { id: 'abc', kind: 'b', tags: ['t'], nested: null, either: { type: 'y' } },
      'not an object',
    ];
    for (const input of inputs) {
      const mine = deferredSchema.safeParse(input);
      const theirs = eagerSchema.safeParse(input);
      expect(mine.success).toBe(theirs.success);
      expect(mine.data).toEqual(theirs.data);
      expect(mine.error?.issues).toEqual(theirs.error?.issues);
    }
    // A schema derived from a deferred one (extend, partial) sees its shape.
    const extended = z.extend(z.partial(z.object({ a: z.string(), b: z.number() })), { c: z.boolean() });
    expect(extended.safeParse({ b: 1, c: true })).toMatchObject({ success: true, data: { b: 1, c: true } });
    expect(extended.safeParse({ c: 'no' }).success).toBe(false);
    const inferred: z.infer<typeof extended> = { a: 'x', c: false };
    expect(inferred.c).toBe(false);
  });
});
