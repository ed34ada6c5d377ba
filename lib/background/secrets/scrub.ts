/**
 * Secrets must never reach the cache, the UI, logs or exports. Provider payloads carry some
 * of their own (Wacht's `totp_secret`, `otp_url`, `backup_codes`), so every answer goes
 * through `scrubSecrets` before anything reads it, and URLs through `redactUrl`.
 *
 * Everything here runs on untrusted strings of up to a megabyte: no regular expression with
 * nested or overlapping quantifiers, and every pass is linear in the input.
 */

export const REDACTED = '[redacted]';

// Words that make a key secret wherever they appear in it ("x-api-key", "accessKey",
// "credentials", "otpauth_uri"). Keys are split into words first, so "pinned" or "bypass" are not.
const SECRET_WORDS = new Set([
  'secret',
  'secrets',
  'token',
  'tokens',
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'pin',
  'otp',
  'totp',
  'hotp',
  'otpauth',
  'cookie',
  'cookies',
  'authorization',
  'credential',
  'credentials',
  'jwt',
  'apikey',
  'apikeys',
  'accesskey',
  'accesskeys',
  'privatekey',
  'privatekeys',
  'sessionid',
]);

// Whole key names that are secret though, as a word inside a longer name, they are not: a
// `/me` listing `keys` lists the user's other credentials ("sort_keys", "hotkeys" stay).
const SECRET_NAMES = new Set(['keys', 'seed']);

// Word pairs that are secret together though each word alone is not ("api key", "session id").
const SECRET_PAIRS = new Set([
  'api key',
  'api keys',
  'access key',
  'access keys',
  'private key',
  'private keys',
  'secret key',
  'secret keys',
  'signing key',
  'signing keys',
  'recovery key',
  'recovery keys',
  'mfa seed',
  'totp seed',
  'otp seed',
  'seed phrase',
  'session id',
  'session key',
  'recovery code',
  'recovery codes',
  'backup code',
  'backup codes',
  'auth code',
  'client secret',
]);

// A key that says something *about* a secret ("token_expires_at", "password_set") holds no
// secret itself — unless its value looks like one, which the value checks catch.
const METADATA_WORDS = new Set([
  'at',
  'expires',
  'expiry',
  'expiration',
  'count',
  'type',
  'enabled',
  'generated',
  'set',
  'policy',
  'length',
  'required',
  'status',
  'exists',
  'configured',
  'strategy',
  'hint',
]);

/** "x-api-key" → ["x", "api", "key"]; "accessKey" → ["access", "key"]; "TOTPSecret" → ["totp", "secret"]. */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let current = '';
  for (let i = 0; i < key.length; i++) {
    const char = key[i]!;
    const lower = char.toLowerCase();
    const isLetterOrDigit = (lower >= 'a' && lower <= 'z') || (char >= '0' && char <= '9');
    if (!isLetterOrDigit) {
      if (current) words.push(current);
      current = '';
      continue;
    }
    const upper = char !== lower;
    const previous = key[i - 1];
    const next = key[i + 1];
    // A capital starts a word after a lower-case letter ("accessKey"), or before one at the end of a run ("TOTPSecret").
    const startsWord =
      upper &&
      current !== '' &&
      previous !== undefined &&
      (previous === previous.toLowerCase() || (next !== undefined && next !== next.toUpperCase()));
    if (startsWord) {
      words.push(current);
      current = '';
    }
    current += lower;
  }
  if (current) words.push(current);
  return words;
}

// Answers repeat their key names thousands of times: remember the verdicts (bounded).
const verdicts = new Map<string, boolean>();

export function isSecretKey(key: string): boolean {
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = classifyKey(key);
  if (verdicts.size > 5_000) verdicts.clear();
  if (key.length <= 200) verdicts.set(key, verdict);
  return verdict;
}

function classifyKey(key: string): boolean {
  const words = keyWords(key);
  if (words.length === 0) return false;
  if (words.length > 1 && METADATA_WORDS.has(words.at(-1)!)) return false;
  if (SECRET_WORDS.has(words.join('')) || (words.length === 1 && SECRET_NAMES.has(words[0]!))) return true;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i]!)) return true;
    if (i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${words[i]}`)) return true;
  }
  return false;
}

const WORD_CHARS = /^[\w-]+$/;
const KEY_PREFIXES = ['sk_live_', 'sk_test_', 'rk_live_', 'ghp_', 'gho_', 'github_pat_', 'xoxb-', 'xoxp-', 'glpat-'];

function isJwt(value: string): boolean {
  if (!value.startsWith('eyJ')) return false;
  const parts = value.split('.');
  return (
    (parts.length === 3 || parts.length === 5) &&
    parts[0]!.length > 8 &&
    parts[1]!.length > 4 &&
    parts.every((p) => p === '' || WORD_CHARS.test(p))
  );
}

/** A whole value that is a credential whatever key it sits under. */
function looksLikeSecretValue(raw: string): boolean {
  const value = raw.trim();
  if (value.length < 8) return false;
  if (isJwt(value)) return true;
  if (value.toLowerCase().startsWith('otpauth:')) return true;
  if (value.startsWith('in-') && value.length >= 23 && WORD_CHARS.test(value)) return true; // Insighto keys
  if (value.startsWith('AKIA') && value.length === 20 && /^[A-Z0-9]+$/.test(value)) return true;
  return KEY_PREFIXES.some((prefix) => value.startsWith(prefix) && value.length >= prefix.length + 10 && WORD_CHARS.test(value));
}

const URL_SCHEMES = ['http://', 'https://'];

function hasSecretQuery(token: string): boolean {
  return token.includes('?') && URL_SCHEMES.some((scheme) => token.startsWith(scheme));
}

// Punctuation that wraps a token in prose: "key “in-…” was invalid", (eyJ…).
const WRAPPERS = new Set(['"', "'", '(', ')', '[', ']', '<', '>', ',', ';', ':', '.', '!', '?', '“', '”', '‘', '’', '`']);

/** One whitespace-free token of a longer text, with any secret inside it replaced. */
function scrubToken(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && WRAPPERS.has(token[start]!)) start++;
  while (end > start && WRAPPERS.has(token[end - 1]!)) end--;
  const core = token.slice(start, end);
  if (core === '') return token;
  let clean = core;
  if (looksLikeSecretValue(core)) clean = REDACTED;
  else if (hasSecretQuery(core)) clean = redactUrl(core);
  // `a=1&secret=JBSW…` outside of a URL: an otpauth fragment, a form body echoed back.
  else if (core.includes('secret=')) clean = redactQuery(core);
  return clean === core ? token : token.slice(0, start) + clean + token.slice(end);
}

// Strings without any of these can hold no secret-shaped token: most strings skip the split.
const TRIGGERS = ['eyJ', 'in-', 'otpauth', 'secret=', '://', '_live_', '_test_', 'ghp_', 'gho_', 'xox', 'glpat-', 'AKIA', 'github_pat_'];

/** A string with every secret-shaped part replaced: whole values, and tokens inside prose. */
export function scrubText(value: string): string {
  if (looksLikeSecretValue(value)) return REDACTED;
  if (!TRIGGERS.some((trigger) => value.includes(trigger))) return value;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= value.length; i++) {
    const char = value[i];
    if (i < value.length && char !== ' ' && char !== '\n' && char !== '\t' && char !== '\r') continue;
    if (i > start) parts.push(scrubToken(value.slice(start, i)));
    if (i < value.length) parts.push(char!);
    start = i + 1;
  }
  return parts.join('');
}

const MAX_DEPTH = 64;

/** A deep copy without secret-named keys and with secret-looking strings redacted. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // A yes/no flag or an absent value tells nothing secret ("has_password": true).
      if (isSecretKey(key) && item !== null && typeof item !== 'boolean') continue;
      out[key] = scrubSecrets(item, depth + 1);
    }
    return out;
  }
  return value;
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}

// In a URL's query these names carry credentials too (`?key=` is a common API-key parameter),
// though as JSON keys they usually don't.
const QUERY_SECRET_NAMES = new Set(['key', 'sig', 'signature', 'code', 'auth', 'sid']);

/** `a=1&token=…` with every secret-named or secret-looking value replaced, in one pass. */
function redactQuery(query: string): string {
  const pairs = query.split('&');
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    const value = eq === -1 ? '' : pair.slice(eq + 1);
    const name = decoded(key);
    // Already redacted (by the account's own secrets, which go first); its "]" may sit outside
    // the token, taken for punctuation around it.
    if (value === REDACTED || value === REDACTED.slice(0, -1)) continue;
    if (isSecretKey(name) || QUERY_SECRET_NAMES.has(name.toLowerCase()) || looksLikeSecretValue(decoded(value)))
      pairs[i] = `${key}=${REDACTED}`;
  }
  return pairs.join('&');
}

/** The URL with every secret-looking query parameter's value replaced, for messages and logs. */
export function redactUrl(raw: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    return REDACTED;
  }
  url.username = '';
  url.password = '';
  // By hand rather than through URLSearchParams, whose set() and toString() re-serialize the
  // whole query: a provider's link with 100 000 parameters must cost one pass.
  if (url.search.length > 1) url.search = redactQuery(url.search.slice(1));
  return url.href.replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** "••••abcd": enough to tell two keys apart, never enough to use one. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '';
  const tail = secret.length > 8 ? secret.slice(-4) : '';
  return `••••${tail}`;
}
