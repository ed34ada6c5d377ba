import { z } from '../zod';
import { t } from '../i18n';

/**
 * Where a profile field comes from in a provider's response, as data. A definition is never
 * evaluated as code: this small tree is walked by `evaluate` (lib/background/custom/evaluate.ts).
 *
 * Written compactly in the editor (`parseExpression`):
 *   data.first_name              a dotted path; `emails[0].email` or `emails.0.email` index arrays
 *   first_name + last_name       join the present parts with a space
 *   displayName ?? first_name    the first present one
 *   createdAt | epoch            a transform: iso, epoch, date, string, number, fixed2, money, boolean, count, first
 *   $.session.created_at         a path from the whole response instead of the envelope
 *   "Enterprise"                 a literal
 */
const transforms = ['iso', 'epoch', 'date', 'string', 'number', 'fixed2', 'money', 'boolean', 'count', 'first'] as const;
export type Transform = (typeof transforms)[number];

const literal = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const pathText = z
  .string()
  .check(z.minLength(1), z.maxLength(200), z.regex(/^(\$\.)?[\w$-]+(\[\d+\]|\.[\w$-]+)*$|^\$$/, { error: () => t('validation.notAPath') }));

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

const expressionSchema: z.ZodMiniType<Expression> = z.lazy(() =>
  z.union([
    z.strictObject({
      path: pathText,
      transform: z.optional(z.enum(transforms)),
      prefix: z.optional(z.string().check(z.maxLength(40))),
      suffix: z.optional(z.string().check(z.maxLength(40))),
    }),
    z.strictObject({ literal }),
    z.strictObject({ first: z.array(expressionSchema).check(z.minLength(1), z.maxLength(12)) }),
    z.strictObject({
      join: z.array(expressionSchema).check(z.minLength(1), z.maxLength(12)),
      separator: z.optional(z.string().check(z.maxLength(10))),
    }),
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
  if (text === '') throw new ExpressionSyntaxError(t('validation.emptyExpression'));
  if (text.length > 300) throw new ExpressionSyntaxError(t('validation.expressionTooLong'));
  const alternatives = splitTop(text, '??');
  if (alternatives.length > 1) return { first: alternatives.map(parseExpression) };
  const parts = splitTop(text, '+');
  if (parts.length > 1) return { join: parts.map(parseExpression) };
  const quoted = /^"([^"]*)"$/.exec(text);
  if (quoted) return { literal: quoted[1]! };
  const [rawPath = '', rawTransform, ...rest] = text.split('|').map((s) => s.trim());
  if (rest.length > 0) throw new ExpressionSyntaxError(t('validation.oneTransform', { text }));
  const path = rawPath.replace(/\[(\d+)\]/g, '.$1');
  if (!pathText.safeParse(path).success) throw new ExpressionSyntaxError(t('validation.notPath', { path: rawPath }));
  if (rawTransform === undefined) return { path };
  if (!(transforms as readonly string[]).includes(rawTransform)) {
    throw new ExpressionSyntaxError(t('validation.unknownTransform', { transform: rawTransform, transforms: transforms.join(', ') }));
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
  if (parts.some((p) => p === '')) throw new ExpressionSyntaxError(t('validation.missingPart', { separator }));
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
const MAX_EXPRESSION_DEPTH = 6;

/** An expression written either compactly or as a tree. */
export const expressionInputSchema = z.union([z.string(), expressionSchema]).check(
  z.refine((input) => typeof input === 'string' || expressionDepth(input) <= MAX_EXPRESSION_DEPTH, {
    error: () => t('validation.nestsDeeper', { depth: MAX_EXPRESSION_DEPTH }),
  }),
);
export type ExpressionInput = z.infer<typeof expressionInputSchema>;

export function toExpression(input: ExpressionInput): Expression {
  return typeof input === 'string' ? parseExpression(input) : input;
}
