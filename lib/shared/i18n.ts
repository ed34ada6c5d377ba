import type { GeneratedI18nStructure } from '#i18n';

// Every user-facing string comes from locales/<lang>.yml (built into _locales by @wxt-dev/i18n,
// which also types the keys): the browser's UI language picks the file, English is the fallback.
// Dates, relative times and plurals use Intl in the language of the messages actually shown (the
// `locale` message), so a French browser reading English messages also gets English dates.

export type MessageKey = keyof GeneratedI18nStructure;
type Substitutions = Record<string, string | number>;
type Named<K extends MessageKey> = GeneratedI18nStructure[K] extends { namedSubstitutions: readonly (infer N extends string)[] }
  ? N
  : never;
type KeyWithout = { [K in MessageKey]: Named<K> extends never ? K : never }[MessageKey];
type KeyWith = Exclude<MessageKey, KeyWithout>;

interface I18nApi {
  getMessage(name: string): string;
}

// Looked up at each call, not at load: Node scripts (the mock providers, the bench) install a
// stand-in before the first message is asked for (tests/support/node-i18n.ts).
function api(): I18nApi {
  const scope = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  const i18n = scope.browser?.i18n ?? scope.chrome?.i18n;
  // Outside a browser (Node scripts, tests): tests/support/node-i18n.ts provides one.
  if (!i18n) throw new Error('no i18n API');
  return i18n;
}

/** The message in the browser's language, its {named} parts filled in. */
export function t<K extends KeyWithout>(key: K): string;
export function t<K extends KeyWith>(key: K, substitutions: Record<Named<K>, string | number>): string;
export function t(key: MessageKey, substitutions?: Substitutions): string {
  const message = api().getMessage(key.replaceAll('.', '_')) || key;
  return substitutions
    ? message.replace(/\{(\w+)\}/g, (match, name: string) => (name in substitutions ? String(substitutions[name]) : match))
    : message;
}

let locale: string | undefined;
/** The language of the messages in use ("en", "de"). */
export function uiLocale(): string {
  return (locale ??= t('locale'));
}

type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}_other` ? (`${Base}_one` extends MessageKey ? Base : never) : never;
}[MessageKey];

let pluralRules: Intl.PluralRules | undefined;
/** `{base}_one` or `{base}_other`, as the language's plural rules choose for `count`; `{count}` is filled in. */
export function plural(base: PluralBase, count: number, substitutions: Substitutions = {}): string {
  const category = (pluralRules ??= new Intl.PluralRules(uiLocale())).select(count) === 'one' ? 'one' : 'other';
  const untyped = t as (key: MessageKey, substitutions: Substitutions) => string;
  return untyped(`${base}_${category}` as MessageKey, { count: count.toLocaleString(uiLocale()), ...substitutions });
}
