export interface MockRequest {
  method: string;
  /** The full request URL. */
  url: URL;
  /** The path below the provider's prefix ("/api/v1/user"). */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  cookies: Record<string, string>;
  body: Buffer;
  /** Where the provider lives on the mock server ("http://127.0.0.1:4100/wacht"). */
  baseUrl: string;
}

export interface MockResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  /** JSON unless `raw` is given. */
  body?: unknown;
  raw?: string | Buffer;
}

export type FieldErrors = Record<string, string[]>;

/** One mocked SaaS API: its users, its auth check, its routes and its own error format. */
export interface MockProvider {
  id: string;
  /** Whether injected faults apply to this request (not to a sign-in page, say). */
  faultable?(req: MockRequest): boolean;
  /** The user a request authenticates as, or null; used to aim faults at one account. */
  identify(req: MockRequest): string | null;
  handle(req: MockRequest): MockResponse | Promise<MockResponse>;
  /** An error in this provider's own format. */
  error(status: number, message: string, fieldErrors?: FieldErrors): MockResponse;
  /** A 200 answer that breaks this provider's documented schema. */
  schemaBreakingBody(): unknown;
  /** The credentials the extension needs for a user, without the base URL. */
  credentialsOf(userId: string): Record<string, string>;
  userIds(): string[];
  /** Adds a user (optionally shaped by overrides) and returns its id. */
  createUser(overrides?: Record<string, unknown>): string;
  /** The stored user as the provider would answer it now. */
  /** The provider's stored user, live: a test changes it to stage a change on the provider's side. */
  userData(userId: string): Record<string, unknown> | undefined;
  /** The name Whoami should show for a user (its display name, or first and last name). */
  displayNameOf(userId: string): string;
  reset(): void;
}

export function header(req: MockRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function bearerToken(req: MockRequest): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  return match?.[1] ?? null;
}

/** The password of an `Authorization: Basic` header, or undefined. */
export function basicPassword(req: MockRequest): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header(req, 'authorization') ?? '');
  const pair = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  return pair.includes(':') ? pair.slice(pair.indexOf(':') + 1) : undefined;
}

export function jsonBody(req: MockRequest): unknown {
  const type = header(req, 'content-type') ?? '';
  if (!/json/i.test(type)) throw new Error(`expected a JSON body, got ${type || 'no content type'}`);
  return JSON.parse(req.body.toString('utf8'));
}

export function formBody(req: MockRequest): URLSearchParams {
  const type = header(req, 'content-type') ?? '';
  if (!/application\/x-www-form-urlencoded/i.test(type)) {
    throw new Error(`expected a form-encoded body, got ${type || 'no content type'}`);
  }
  return new URLSearchParams(req.body.toString('utf8'));
}

/** "Ada Lovelace" from a user record's first- and last-name fields. */
export function nameOf(user: Record<string, unknown> | undefined, first: string, last: string): string {
  return [user?.[first], user?.[last]].filter((part) => typeof part === 'string' && part !== '').join(' ');
}

export function randomToken(prefix: string, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = prefix;
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}

export function uuid(): string {
  return crypto.randomUUID();
}
