import { describe, expect, it } from 'vitest';
import { evaluate, ExpressionBudgetError, readPath } from '../../../../../lib/background/custom/evaluate';
import {
  type Expression,
  expressionDepth,
  expressionInputSchema,
  ExpressionSyntaxError,
  parseExpression,
} from '../../../../../lib/shared/custom/expression';

const scope = (local: unknown, root: unknown = local) => ({ local, root });
const run = (source: string | Expression, local: unknown, root?: unknown) =>
  evaluate(typeof source === 'string' ? parseExpression(source) : source, scope(local, root));

describe('parseExpression', () => {
  it('reads paths, indexes, joins, fallbacks, transforms and literals', () => {
    expect(parseExpression('data.first_name')).toEqual({ path: 'data.first_name' });
    expect(parseExpression('emails[0].email')).toEqual({ path: 'emails.0.email' });
    expect(parseExpression('first + last')).toEqual({ join: [{ path: 'first' }, { path: 'last' }] });
    expect(parseExpression('a ?? b + c')).toEqual({ first: [{ path: 'a' }, { join: [{ path: 'b' }, { path: 'c' }] }] });
    expect(parseExpression('createdAt | epoch')).toEqual({ path: 'createdAt', transform: 'epoch' });
    expect(parseExpression('"Enterprise"')).toEqual({ literal: 'Enterprise' });
    expect(parseExpression('$.session.created_at')).toEqual({ path: '$.session.created_at' });
  });

  it('explains what is wrong', () => {
    expect(() => parseExpression('')).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression('a +')).toThrow('missing a part around "+"');
    expect(() => parseExpression('a | shout')).toThrow('unknown transform "shout"');
    expect(() => parseExpression('a b')).toThrow('not a path: a b');
    expect(() => parseExpression('constructor.constructor("alert(1)")()')).toThrow(ExpressionSyntaxError);
  });
});

describe('evaluate', () => {
  const user = {
    first: 'Ada',
    last: 'Lovelace',
    middle: '',
    tags: ['a', 'b'],
    created: 1_700_000_000,
    ms: 1_700_000_000_000,
    nested: { deep: [{ v: 1 }] },
  };

  it('joins the present parts and takes the first present value', () => {
    expect(run('first + middle + last', user)).toBe('Ada Lovelace');
    expect(run('missing ?? middle ?? last', user)).toBe('Lovelace');
    expect(run('missing ?? other', user)).toBeNull();
  });

  it('converts epoch seconds and milliseconds, counts lists, takes the first element', () => {
    expect(run('created | epoch', user)).toBe('2023-11-14T22:13:20.000Z');
    expect(run('ms | iso', user)).toBe('2023-11-14T22:13:20.000Z');
    expect(run('ms | date', user)).toBe('2023-11-14');
    expect(run('tags | count', user)).toBe(2);
    expect(run('tags | first', user)).toBe('a');
    expect(run('nested.deep[0].v', user)).toBe(1);
  });

  it('reads from the whole response with $.', () => {
    expect(run('$.meta.plan', { name: 'x' }, { meta: { plan: 'pro' }, data: { name: 'x' } })).toBe('pro');
  });

  it('chooses by condition, finds in lists, lists values and fills templates', () => {
    expect(run({ when: { path: 'paid', equals: [true] }, then: { literal: 'Paid' }, else: { literal: 'Free' } }, { paid: false })).toBe(
      'Free',
    );
    expect(
      run(
        { find: 'segments', where: { path: 'type', equals: 'org' }, value: { path: 'name' } },
        {
          segments: [
            { type: 'x', name: 'no' },
            { type: 'org', name: 'Acme' },
          ],
        },
      ),
    ).toBe('Acme');
    expect(run({ list: 'items', item: { path: 'name' }, separator: ', ' }, { items: [{ name: 'a' }, {}, { name: 'b' }] })).toBe('a, b');
    expect(run({ template: 'On: ${amount} below ${floor}' }, { amount: 5, floor: 1 })).toBe('On: 5 below 1');
  });

  it('never reaches into prototypes or evaluates anything', () => {
    expect(readPath({}, 'constructor')).toBeUndefined();
    expect(readPath({}, '__proto__.toString')).toBeUndefined();
    expect(run({ template: '${constructor.name}' }, {})).toBe('');
  });
});

describe('limits', () => {
  // Each level lists the whole answer's 60 items again ($.items): 60⁴ = 13 million steps over a
  // 1 kB answer, which the old walker took 11 s over.
  const nested = (depth: number): Expression =>
    depth === 0 ? { path: 'v' } : { list: '$.items', item: nested(depth - 1), separator: ',' };
  const answer = { items: Array.from({ length: 60 }, (_, i) => ({ v: String(i) })) };

  it('stops a mapping that would take more steps than its budget, with a clear error', () => {
    expect(() => run(nested(4), answer)).toThrow(new ExpressionBudgetError('more than 200,000 steps'));
    // The same shape, two levels deep, is 3 600 steps.
    expect(String(run(nested(2), answer)).split(',')).toHaveLength(3600);
  });

  it('refuses expression trees nested deeper than six levels, and measures them without recursion limits of its own', () => {
    expect(expressionDepth(nested(5))).toBe(6);
    expect(expressionInputSchema.safeParse(nested(5)).success).toBe(true);
    const refused = expressionInputSchema.safeParse(nested(6));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('nests deeper than 6 levels');
  });
});
