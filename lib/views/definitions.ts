import {
  type DefinitionInput,
  definitionSchema,
  definitionsFileSchema,
  mappedFields,
  type ProviderDefinition,
} from '../shared/custom/definition';
import type { ExpressionInput } from '../shared/custom/expression';
import { IMPORT_LIMITS, nestsWithin, parseJsonWithin } from '../shared/json-limits';
import { describeIssue, firstIssue } from '../shared/zod-issues';
import { plural, t } from '../shared/i18n';

/**
 * The definition editor's form state: everything as the text the user types. Expressions are
 * the compact form, or JSON for the tree form.
 */
export interface DefinitionDraft {
  id: string;
  name: string;
  baseUrl: string;
  method: 'GET' | 'POST';
  path: string;
  fields: Array<{ name: string; label: string; secret: boolean }>;
  authType: 'header' | 'query' | 'basic' | 'browser-session' | 'none';
  authName: string;
  authValue: string;
  /** Basic: the user name and password templates. */
  authUsername: string;
  authPassword: string;
  cookie: string;
  /** Constant headers, as rows. */
  headers: Array<{ name: string; value: string }>;
  /** The JSON a POST read sends; empty for none. */
  body: string;
  /** An expression: present when a 200 answer is an error. Empty for none. */
  failWhen: string;
  envelope: string;
  profile: Record<string, string>;
  details: Array<{ label: string; value: string }>;
  update: null | {
    method: 'PATCH' | 'PUT' | 'POST';
    path: string;
    body: 'json' | 'form';
    fields: Array<{ field: string; key: string; label: string }>;
    /** Fixed body parts sent with every edit, as rows. */
    with?: Array<{ key: string; value: string }>;
  };
}

export function emptyDraft(): DefinitionDraft {
  return {
    id: '',
    name: '',
    baseUrl: 'https://',
    method: 'GET',
    path: '/me',
    fields: [{ name: 'token', label: t('definitions.draft.tokenLabel'), secret: true }],
    authType: 'header',
    authName: 'Authorization',
    authValue: 'Bearer {token}',
    authUsername: '',
    authPassword: '',
    cookie: '__session',
    headers: [],
    body: '',
    failWhen: '',
    envelope: '',
    profile: { id: 'id', name: 'name', email: 'email' },
    details: [],
    update: null,
  };
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

function expressionText(input: ExpressionInput | undefined): string {
  if (input === undefined) return '';
  return typeof input === 'string' ? input : JSON.stringify(input);
}

function expressionInput(text: string): ExpressionInput {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return trimmed;
  try {
    return JSON.parse(trimmed) as ExpressionInput;
  } catch {
    return trimmed; // reported by the schema as not a valid expression
  }
}

export function draftFromDefinition(definition: ProviderDefinition): DefinitionDraft {
  const { auth } = definition;
  return {
    id: definition.id,
    name: definition.name,
    baseUrl: definition.baseUrl,
    method: definition.method,
    path: definition.path,
    fields: definition.fields.map((f) => ({ ...f })),
    authType: auth.type,
    authName: auth.type === 'header' || auth.type === 'query' ? auth.name : '',
    authValue: auth.type === 'header' || auth.type === 'query' ? auth.value : '',
    authUsername: auth.type === 'basic' ? auth.username : '',
    authPassword: auth.type === 'basic' ? auth.password : '',
    cookie: auth.type === 'browser-session' ? auth.cookie : '__session',
    headers: (definition.headers ?? []).map((h) => ({ ...h })),
    body: definition.body ?? '',
    failWhen: expressionText(definition.failWhen),
    envelope: definition.envelope,
    profile: Object.fromEntries(mappedFields.map((f) => [f, expressionText(definition.profile[f])]).filter(([, v]) => v !== '')),
    details: definition.details.map((d) => ({ label: d.label, value: expressionText(d.value) })),
    update: definition.update
      ? {
          ...definition.update,
          fields: definition.update.fields.map((f) => ({ ...f })),
          with: definition.update.with?.map((part) => ({ ...part })),
        }
      : null,
  };
}

/** The draft as definition input, ready for the schema. */
export function definitionFromDraft(draft: DefinitionDraft): DefinitionInput {
  const auth =
    draft.authType === 'header' || draft.authType === 'query'
      ? { type: draft.authType, name: draft.authName.trim(), value: draft.authValue.trim() }
      : draft.authType === 'basic'
        ? { type: 'basic' as const, username: draft.authUsername.trim(), password: draft.authPassword.trim() }
        : draft.authType === 'browser-session'
          ? { type: 'browser-session' as const, cookie: draft.cookie.trim() }
          : { type: 'none' as const };
  const headers = draft.headers.filter((h) => h.name.trim() !== '' || h.value.trim() !== '');
  return {
    id: draft.id.trim(),
    name: draft.name,
    baseUrl: draft.baseUrl,
    method: draft.method,
    path: draft.path.trim(),
    ...(draft.body.trim() !== '' ? { body: draft.body.trim() } : {}),
    ...(headers.length > 0 ? { headers: headers.map((h) => ({ name: h.name.trim(), value: h.value.trim() })) } : {}),
    fields: draft.fields.map((f) => ({ name: f.name.trim(), label: f.label, secret: f.secret })),
    auth,
    ...(draft.failWhen.trim() !== '' ? { failWhen: expressionInput(draft.failWhen) } : {}),
    envelope: draft.envelope.trim(),
    profile: Object.fromEntries(
      Object.entries(draft.profile)
        .filter(([, text]) => text.trim() !== '')
        .map(([field, text]) => [field, expressionInput(text)]),
    ),
    details: draft.details.map((d) => ({ label: d.label, value: expressionInput(d.value) })),
    update: draft.update
      ? {
          method: draft.update.method,
          body: draft.update.body,
          path: draft.update.path.trim(),
          fields: draft.update.fields.map((f) => ({ field: f.field, key: f.key.trim(), label: f.label })),
          ...fixedParts(draft.update.with),
        }
      : undefined,
  } as DefinitionInput;
}

/** The rows of fixed edit-body parts, blank ones dropped; none is no `with` at all. */
function fixedParts(rows: Array<{ key: string; value: string }> | undefined) {
  const parts = (rows ?? []).filter((row) => row.key.trim() !== '' || row.value.trim() !== '');
  return parts.length > 0 ? { with: parts.map((row) => ({ key: row.key.trim(), value: row.value.trim() })) } : {};
}

export interface CheckedDraft {
  definition: ProviderDefinition | null;
  /** Messages keyed by dotted path: "auth.value", "profile.email", "details.0.value". */
  errors: Record<string, string>;
}

function checkDefinition(input: unknown): CheckedDraft {
  const parsed = definitionSchema.safeParse(input);
  if (parsed.success) return { definition: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || 'definition'] ??= describeIssue(issue);
  return { definition: null, errors };
}

export function checkDraft(draft: DefinitionDraft): CheckedDraft {
  return checkDefinition(definitionFromDraft(draft));
}

/** The editor's JSON mode: the text checked as a whole definition. */
export function checkDefinitionJson(text: string): CheckedDraft {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { definition: null, errors: { definition: t('definitions.json.notJsonYet', { reason: (error as Error).message }) } };
  }
  if (!nestsWithin(json, IMPORT_LIMITS.maxDepth))
    return { definition: null, errors: { definition: t('validation.nestsDeeper', { depth: IMPORT_LIMITS.maxDepth }) } };
  return checkDefinition(json);
}

/** Reads an exported definitions file, or says what is wrong with it (size and nesting first). */
export function readDefinitionsFile(text: string): { definitions: ProviderDefinition[] } | { error: string } {
  const read = parseJsonWithin(text, IMPORT_LIMITS);
  if ('error' in read) return read;
  const parsed = definitionsFileSchema.safeParse(read.json);
  return parsed.success
    ? { definitions: parsed.data.definitions }
    : { error: t('definitions.json.notProviderFile', { issue: firstIssue(parsed.error) }) };
}

/** Definitions as the background sent them, each checked here (the popup never needs this schema). */
export function parseDefinitions(values: unknown[]): ProviderDefinition[] {
  return values.flatMap((value) => {
    const parsed = definitionSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What replacing `before` with `after` would change, in words, for the import confirmation. */
export function definitionChanges(before: ProviderDefinition, after: ProviderDefinition): string[] {
  const changes: string[] = [];
  if (before.name !== after.name) changes.push(t('definitions.changes.name', { before: before.name, after: after.name }));
  if (before.baseUrl !== after.baseUrl) changes.push(t('definitions.changes.baseUrl', { before: before.baseUrl, after: after.baseUrl }));
  if (before.method !== after.method || before.path !== after.path)
    changes.push(t('definitions.changes.call', { before: `${before.method} ${before.path}`, after: `${after.method} ${after.path}` }));
  else if (before.body !== after.body || !same(before.headers, after.headers))
    changes.push(t('definitions.changes.callParts', { call: `${after.method} ${after.path}` }));
  if (!same(before.auth, after.auth)) changes.push(t('definitions.changes.auth'));
  const secretsBefore = before.fields.filter((f) => f.secret).map((f) => f.name);
  const secretsAfter = new Set(after.fields.filter((f) => f.secret).map((f) => f.name));
  const unsecret = secretsBefore.filter((name) => !secretsAfter.has(name));
  if (unsecret.length > 0) changes.push(plural('definitions.changes.unsecret', unsecret.length, { fields: unsecret.join(', ') }));
  else if (!same(before.fields, after.fields)) changes.push(t('definitions.changes.fields'));
  if (before.envelope !== after.envelope || !same(before.profile, after.profile) || !same(before.failWhen, after.failWhen))
    changes.push(t('definitions.changes.mapping'));
  if (!same(before.details, after.details)) changes.push(t('definitions.changes.details'));
  if (!same(before.update, after.update)) changes.push(t('definitions.changes.edits'));
  return changes;
}
