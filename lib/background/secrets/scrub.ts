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

const isUpper = (code: number) => code >= 65 && code <= 90;
const isLower = (code: number) => code >= 97 && code <= 122;
const isDigit = (code: number) => code >= 48 && code <= 57;

/**
 * "x-api-key" → ["x", "api", "key"]; "accessKey" → ["access", "key"]; "TOTPSecret" → ["totp", "secret"].
 * By character codes and one slice per word: keys come by the thousand.
 */
export function keyWords(key: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= key.length; i++) {
    const code = i < key.length ? key.charCodeAt(i) : 0;
    const wordChar = isUpper(code) || isLower(code) || isDigit(code);
    // A capital starts a word after a lower-case letter or digit ("accessKey"), or before a
    // lower-case letter at the end of a run of capitals ("TOTPSecret").
    const capitalStarts = start !== -1 && isUpper(code) && (!isUpper(key.charCodeAt(i - 1)) || isLower(key.charCodeAt(i + 1)));
    if (start !== -1 && (!wordChar || capitalStarts)) {
      words.push(key.slice(start, i).toLowerCase());
      start = -1;
    }
    if (wordChar && start === -1) start = i;
  }
  return words;
}

// Answers repeat their key names thousands of times: remember the verdicts (bounded).
const verdicts = new Map<string, boolean>();

// No API names a field with more characters than this: a longer key is made to be slow to read
// or to hide something in, and is dropped with its value, unread.
const MAX_KEY_LENGTH = 100;

export function isSecretKey(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH) return true;
  const known = verdicts.get(key);
  if (known !== undefined) return known;
  const verdict = classifyKey(key);
  // Full, it keeps what it has: an answer of 38 000 distinct keys must not churn it.
  if (verdicts.size < 5_000) verdicts.set(key, verdict);
  return verdict;
}

// Compatibility forms read as their letters: "ａｐｉ＿ｋｅｙ" (full width), "api_\u212Aey" (the Kelvin sign).
const BEYOND_PRINTABLE_ASCII = /[^ -~\t\n\r]/;

function classifyKey(key: string): boolean {
  const words = keyWords(BEYOND_PRINTABLE_ASCII.test(key) ? key.normalize('NFKC') : key);
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
const WRAPPERS = new Uint8Array(0x10000);
for (const char of '"\'()[]<>,;:.!?“”‘’`') WRAPPERS[char.charCodeAt(0)] = 1;

/** One whitespace-free token of a longer text, with any secret inside it replaced. */
function scrubToken(token: string): string {
  let start = 0;
  let end = token.length;
  // By character code: a token may be a megabyte of "?".
  while (start < end && WRAPPERS[token.charCodeAt(start)] === 1) start++;
  while (end > start && WRAPPERS[token.charCodeAt(end - 1)] === 1) end--;
  const core = token.slice(start, end);
  if (core === '') return token;
  let clean = core;
  if (looksLikeSecretValue(core)) clean = REDACTED;
  else if (hasSecretQuery(core)) clean = redactUrl(core);
  // `a=1&secret=JBSW…` outside of a URL: an otpauth fragment, a form body echoed back.
  else if (core.includes('secret=')) clean = redactQuery(core);
  return clean === core ? token : token.slice(0, start) + clean + token.slice(end);
}

// No token shorter than this can change: a secret-shaped value has at least 8 characters, a URL
// with a query at least 9, and a `secret=` pair 7.
const SHORTEST_CHANGED = 7;

// A whitespace-delimited token of at least SHORTEST_CHANGED characters holding one of the
// markers a secret-shaped token has: only these reach JavaScript, one call each. Linear: a match
// starts only where a token starts (the look-behind is one character), and scans its token once.
const CANDIDATE =
  /(?<![^ \n\t\r])(?=[^ \n\t\r]{7})[^ \n\t\r]*?(?:eyJ|in-|[Oo][Tt][Pp][Aa][Uu][Tt][Hh]|secret=|:\/\/|_live_|_test_|ghp_|gho_|xox|glpat-|AKIA|github_pat_)[^ \n\t\r]*/g;

/** A string with every secret-shaped part replaced: whole values, and tokens inside prose. */
export function scrubText(value: string): string {
  if (value.length < SHORTEST_CHANGED) return value;
  if (looksLikeSecretValue(value)) return REDACTED;
  return value.replace(CANDIDATE, scrubToken);
}

const MAX_DEPTH = 64;

/** A deep copy without secret-named keys and with secret-looking strings redacted. */
export function scrubSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) return value.map((item) => scrubSecrets(item, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      // A yes/no flag or an absent value tells nothing secret ("has_password": true).
      if (isSecretKey(key) && item !== null && typeof item !== 'boolean') continue;
      out[key] = scrubSecrets(item, depth + 1);
    }
    return out;
  }
  return value;
}

function decoded(part: string): string {
  if (!part.includes('%') && !part.includes('+')) return part;
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}

/**
 * The most secrets one provider text is redacted piece by piece: past this, it is replaced whole
 * (a text that is thousands of secrets shows nothing worth the time of cutting each out).
 */
const MAX_SECRETS_IN_TEXT = 1_000;
const REDACTED_VALUE = `=${REDACTED}`;

// In a URL's query these names carry credentials too (`?key=` is a common API-key parameter),
// though as JSON keys they usually don't.
const QUERY_SECRET_NAMES = new Set(['key', 'sig', 'signature', 'code', 'auth', 'sid']);

/**
 * `a=1&token=…` with every secret-named or secret-looking value replaced, in one pass: indexOf
 * and slices of the pairs that change, no array of every pair (a megabyte of `token=1&` is
 * 125 000 of them).
 */
function redactQuery(query: string): string {
  // A query repeats its names: each is decoded and judged once.
  const secretNames = new Map<string, boolean>();
  const out: string[] = [];
  let copied = 0;
  for (let start = 0; start <= query.length;) {
    let end = query.indexOf('&', start);
    if (end === -1) end = query.length;
    // Only within the pair: a search past it would rescan the rest of the query for each pair.
    let eq = start;
    while (eq < end && query.charCodeAt(eq) !== 61 /* = */) eq++;
    const key = query.slice(start, eq);
    let secretName = secretNames.get(key);
    if (secretName === undefined) {
      const name = decoded(key);
      secretName = isSecretKey(name) || QUERY_SECRET_NAMES.has(name.toLowerCase());
      secretNames.set(key, secretName);
    }
    const valueStart = Math.min(eq + 1, end);
    // Decoding only shortens: a value too short to be a secret is not decoded at all.
    if (secretName || (end - valueStart >= 8 && looksLikeSecretValue(decoded(query.slice(valueStart, end))))) {
      const value = query.slice(valueStart, end);
      // Already redacted (by the account's own secrets, which go first); its "]" may sit outside
      // the token, taken for punctuation around it.
      if (value !== REDACTED && value !== REDACTED.slice(0, -1)) {
        // A query of thousands of secrets is a secret as a whole: said once, not thousands of times.
        if (out.length >= 2 * MAX_SECRETS_IN_TEXT) return REDACTED;
        out.push(query.slice(copied, eq), REDACTED_VALUE);
        copied = end;
      }
    }
    start = end + 1;
  }
  if (out.length === 0) return query;
  out.push(query.slice(copied));
  return out.join('');
}

/** The URL with every secret-looking query parameter's value replaced, for messages and logs. */
export function redactUrl(raw: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    return REDACTED;
  }
  // Each setter serializes the whole URL again: only when there is something to take out.
  if (url.username || url.password) {
    url.username = '';
    url.password = '';
  }
  const { href, search } = url;
  if (search.length <= 1) return href;
  // By hand on the URL's own text rather than through URLSearchParams (whose set() and
  // toString() re-serialize the whole query) or a new `search` (parsed all over again): a
  // provider's link with 100 000 parameters must cost one pass. The first "?" of a serialized
  // URL starts its query.
  const query = href.indexOf('?');
  return href.slice(0, query + 1) + redactQuery(search.slice(1)) + href.slice(query + search.length);
}

/** "••••abcd": enough to tell two keys apart, never enough to use one. */
export function maskSecret(secret: string): string {
  if (secret.length === 0) return '';
  const tail = secret.length > 8 ? secret.slice(-4) : '';
  return `••••${tail}`;
}
