import { describe, expect, it } from 'vitest';
import { evaluate, type Expression, ExpressionSyntaxError, parseExpression, readPath } from '../../../../lib/custom/expression';

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
  const user = { first: 'Ada', last: 'Lovelace', middle: '', tags: ['a', 'b'], created: 1_700_000_000, ms: 1_700_000_000_000, nested: { deep: [{ v: 1 }] } };

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
    expect(run({ when: { path: 'paid', equals: [true] }, then: { literal: 'Paid' }, else: { literal: 'Free' } }, { paid: false })).toBe('Free');
    expect(run({ find: 'segments', where: { path: 'type', equals: 'org' }, value: { path: 'name' } }, { segments: [{ type: 'x', name: 'no' }, { type: 'org', name: 'Acme' }] })).toBe('Acme');
    expect(run({ list: 'items', item: { path: 'name' }, separator: ', ' }, { items: [{ name: 'a' }, {}, { name: 'b' }] })).toBe('a, b');
    expect(run({ template: 'On: ${amount} below ${floor}' }, { amount: 5, floor: 1 })).toBe('On: 5 below 1');
  });

  it('never reaches into prototypes or evaluates anything', () => {
    expect(readPath({}, 'constructor')).toBeUndefined();
    expect(readPath({}, '__proto__.toString')).toBeUndefined();
    expect(run({ template: '${constructor.name}' }, {})).toBe('');
  });
});
