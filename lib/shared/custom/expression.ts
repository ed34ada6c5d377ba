import * as z from 'zod/mini';
import { isoOrNull, money } from '../../background/providers/normalize';
import { textOrNull } from '../text';

/**
 * Where a profile field comes from in a provider's response, as data. A definition is never
 * evaluated as code: this small tree is walked by `evaluate` below, nothing else.
 *
 * Written compactly in the editor (`parseExpression`):
 *   data.first_name              a dotted path; `emails[0].email` or `emails.0.email` index arrays
 *   first_name + last_name       join the present parts with a space
 *   displayName ?? first_name    the first present one
 *   createdAt | epoch            a transform: iso, epoch, date, string, number, fixed2, money, boolean, count, first
 *   $.session.created_at         a path from the whole response instead of the envelope
 *   "Enterprise"                 a literal
 */
export const transforms = ['iso', 'epoch', 'date', 'string', 'number', 'fixed2', 'money', 'boolean', 'count', 'first'] as const;
export type Transform = (typeof transforms)[number];

const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const pathText = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^(\$\.)?[\w$-]+(\[\d+\]|\.[\w$-]+)*$|^\$$/, { error: 'not a valid path' }));

const condition = z.object({
  path: pathText,
  /** Present and not empty. */
  present: z.optional(z.boolean()),
  /** Equal to one of these. */
  equals: z.optional(z.array(literal)),
  startsWith: z.optional(z.string()),
});
export type Condition = z.infer<typeof condition>;

export type Expression =
  | { path: string; transform?: Transform; prefix?: string; suffix?: string }
  | { literal: string | number | boolean | null }
  | { first: Expression[] }
  | { join: Expression[]; separator?: string }
  | { when: Condition; then: Expression; else?: Expression }
  | { find: string; where: { path: string; equals: string | number | boolean | null }; value: Expression }
  | { list: string; item?: Expression; separator?: string }
  | { template: string };

export const expressionSchema: z.ZodMiniType<Expression> = z.lazy(() =>
  z.union([
    z.strictObject({
      path: pathText,
      transform: z.optional(z.enum(transforms)),
      prefix: z.optional(z.string().check(z.maxLength(40))),
      suffix: z.optional(z.string().check(z.maxLength(40))),
    }),
    z.strictObject({ literal }),
    z.strictObject({ first: z.array(expressionSchema).check(z.minLength(1), z.maxLength(12)) }),
    z.strictObject({ join: z.array(expressionSchema).check(z.minLength(1), z.maxLength(12)), separator: z.optional(z.string().check(z.maxLength(10))) }),
    z.strictObject({ when: condition, then: expressionSchema, else: z.optional(expressionSchema) }),
    z.strictObject({ find: pathText, where: z.object({ path: pathText, equals: literal }), value: expressionSchema }),
    z.strictObject({ list: pathText, item: z.optional(expressionSchema), separator: z.optional(z.string().check(z.maxLength(10))) }),
    z.strictObject({ template: z.string().check(z.maxLength(300)) }),
  ]),
) as z.ZodMiniType<Expression>;

export class ExpressionSyntaxError extends Error {}

/** Parses the compact form used in the editor into an expression tree. */
export function parseExpression(source: string): Expression {
  const text = source.trim();
  if (text === '') throw new ExpressionSyntaxError('empty expression');
  if (text.length > 300) throw new ExpressionSyntaxError('expression is too long');
  const alternatives = splitTop(text, '??');
  if (alternatives.length > 1) return { first: alternatives.map(parseExpression) };
  const parts = splitTop(text, '+');
  if (parts.length > 1) return { join: parts.map(parseExpression) };
  const quoted = /^"([^"]*)"$/.exec(text);
  if (quoted) return { literal: quoted[1]! };
  const [rawPath = '', rawTransform, ...rest] = text.split('|').map((s) => s.trim());
  if (rest.length > 0) throw new ExpressionSyntaxError(`only one transform per part: ${text}`);
  const path = rawPath.replace(/\[(\d+)\]/g, '.$1');
  if (!pathText.safeParse(path).success) throw new ExpressionSyntaxError(`not a path: ${rawPath}`);
  if (rawTransform === undefined) return { path };
  if (!(transforms as readonly string[]).includes(rawTransform)) {
    throw new ExpressionSyntaxError(`unknown transform "${rawTransform}" (use ${transforms.join(', ')})`);
  }
  return { path, transform: rawTransform as Transform };
}

function splitTop(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    if (!quoted && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start).trim());
  if (parts.some((p) => p === '')) throw new ExpressionSyntaxError(`missing a part around "${separator}"`);
  return parts;
}

/** How deeply an expression tree nests (a path is 1; a list of paths is 2…). */
export function expressionDepth(expression: Expression): number {
  if ('first' in expression) return 1 + Math.max(...expression.first.map(expressionDepth));
  if ('join' in expression) return 1 + Math.max(...expression.join.map(expressionDepth));
  if ('when' in expression) return 1 + Math.max(expressionDepth(expression.then), expression.else ? expressionDepth(expression.else) : 0);
  if ('find' in expression) return 1 + expressionDepth(expression.value);
  if ('list' in expression) return 1 + (expression.item ? expressionDepth(expression.item) : 0);
  return 1;
}

/** Deep enough for any real mapping (a list of finds of joins…), shallow enough to stay cheap. */
export const MAX_EXPRESSION_DEPTH = 6;

/** An expression written either compactly or as a tree. */
export const expressionInputSchema = z.union([z.string(), expressionSchema]).check(
  z.refine((input) => typeof input === 'string' || expressionDepth(input) <= MAX_EXPRESSION_DEPTH, {
    error: `nests deeper than ${MAX_EXPRESSION_DEPTH} levels`,
  }),
);
export type ExpressionInput = z.infer<typeof expressionInputSchema>;

export function toExpression(input: ExpressionInput): Expression {
  return typeof input === 'string' ? parseExpression(input) : input;
}

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface Scope {
  /** The envelope's content: what plain paths start from. */
  local: unknown;
  /** The whole response, for `$.` paths. */
  root: unknown;
}

/** Reads a dotted path; arrays are indexed by number. Never touches prototypes. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.').filter(Boolean)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function lookup(scope: Scope, path: string): unknown {
  if (path === '$') return scope.root;
  return path.startsWith('$.') ? readPath(scope.root, path.slice(2)) : readPath(scope.local, path);
}

function present(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function applyTransform(value: unknown, transform: Transform | undefined): unknown {
  switch (transform) {
    case undefined:
      return value;
    case 'iso':
    case 'epoch':
      return isoOrNull(value);
    case 'date':
      return isoOrNull(value)?.slice(0, 10) ?? textOrNull(value)?.slice(0, 10) ?? null;
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : null;
    case 'number':
      return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null;
    case 'fixed2':
      return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : null;
    case 'money':
      return typeof value === 'number' ? money(value) : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : null;
    case 'count':
      return Array.isArray(value) && value.length > 0 ? value.length : null;
    case 'first':
      return Array.isArray(value) ? (value[0] ?? null) : value;
  }
}

function matches(scope: Scope, condition: Condition): boolean {
  const value = lookup(scope, condition.path);
  if (condition.present !== undefined && present(value) !== condition.present) return false;
  if (condition.equals && !condition.equals.some((candidate) => candidate === value)) return false;
  if (condition.startsWith !== undefined && !(typeof value === 'string' && value.startsWith(condition.startsWith))) return false;
  return true;
}

function scalar(value: unknown): string | number | boolean | null {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/** Thrown when a mapping would take more steps than its budget on this answer. */
export class ExpressionBudgetError extends Error {}

/**
 * Steps one mapping of one answer may take. Lists inside lists multiply (60 items at depth 4
 * is 13 million steps); real mappings of real answers take a few thousand.
 */
export const MAX_STEPS = 200_000;

export interface Budget {
  steps: number;
}

function spend(budget: Budget, steps: number): void {
  budget.steps += steps;
  if (budget.steps > MAX_STEPS) throw new ExpressionBudgetError(`more than ${MAX_STEPS.toLocaleString('en')} steps`);
}

/**
 * Walks an expression over a response. Unknown shapes give null, never an exception — except
 * a mapping that runs past its step budget, which throws ExpressionBudgetError.
 */
export function evaluate(expression: Expression, scope: Scope, budget: Budget = { steps: 0 }): unknown {
  spend(budget, 1);
  const next = (e: Expression, s: Scope = scope) => evaluate(e, s, budget);
  if ('path' in expression) {
    const value = applyTransform(lookup(scope, expression.path), expression.transform);
    if ((expression.prefix || expression.suffix) && present(value) && scalar(value) !== null) {
      return `${expression.prefix ?? ''}${String(value)}${expression.suffix ?? ''}`;
    }
    return value;
  }
  if ('literal' in expression) return expression.literal;
  if ('first' in expression) {
    // The first usable value: objects are skipped, so `phone ?? phone.number` works either way.
    for (const option of expression.first) {
      const value = next(option);
      if (present(value) && (Array.isArray(value) || typeof value !== 'object')) return value;
    }
    return null;
  }
  if ('join' in expression) {
    const parts = expression.join.map((part) => textOrNull(String(scalar(next(part)) ?? '')));
    const present_ = parts.filter((part): part is string => part !== null);
    return present_.length > 0 ? present_.join(expression.separator ?? ' ') : null;
  }
  if ('when' in expression) {
    if (matches(scope, expression.when)) return next(expression.then);
    return expression.else ? next(expression.else) : null;
  }
  if ('find' in expression) {
    const items = lookup(scope, expression.find);
    if (!Array.isArray(items)) return null;
    spend(budget, items.length);
    const found = items.find((item) => readPath(item, expression.where.path) === expression.where.equals);
    return found === undefined ? null : next(expression.value, { local: found, root: scope.root });
  }
  if ('list' in expression) {
    const items = lookup(scope, expression.list);
    if (!Array.isArray(items)) return null;
    spend(budget, items.length);
    const values = items
      .map((item) => scalar(expression.item ? next(expression.item, { local: item, root: scope.root }) : item))
      .filter((v): v is string | number | boolean => present(v));
    return expression.separator === undefined ? values : values.length > 0 ? values.join(expression.separator) : null;
  }
  // template: "On: ${autoRefillAmount} when below ${autoRefillTrigger}"
  return expression.template.replace(/\$\{([^}]+)\}/g, (_, path: string) => {
    const value = scalar(lookup(scope, path.trim()));
    return value === null ? '' : String(value);
  });
}
