import { isoOrNull, money } from '../providers/normalize';
import { textOrNull } from '../../shared/text';
import type { Condition, Expression, Transform } from '../../shared/custom/expression';
import { t, uiLocale } from '../../shared/i18n';

// Walks an expression tree (lib/shared/custom/expression.ts) over a provider's answer: the
// only thing a user-defined mapping ever does. Never evaluated as code, and on a budget.

export interface Scope {
  /** The envelope's content: what plain paths start from. */
  local: unknown;
  /** The whole response, for `$.` paths. */
  root: unknown;
  /** The answer's headers by lower-case name, for `$headers.` paths (scrubbed, bounded). */
  headers?: Record<string, string>;
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
  if (path.startsWith('$headers.')) {
    const name = path.slice('$headers.'.length).toLowerCase();
    return scope.headers && Object.hasOwn(scope.headers, name) ? scope.headers[name] : undefined;
  }
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
      return typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
          ? Number(value)
          : null;
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
const MAX_STEPS = 200_000;

export interface Budget {
  steps: number;
}

function spend(budget: Budget, steps: number): void {
  budget.steps += steps;
  if (budget.steps > MAX_STEPS)
    throw new ExpressionBudgetError(t('background.stepsBudget', { steps: MAX_STEPS.toLocaleString(uiLocale()) }));
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
