import { type FieldErrors, type MockProvider, type MockRequest, type MockResponse, formBody, randomToken, uuid, nameOf } from './types';
import { parseMultipart } from './multipart';

// Wacht's frontend API (seed 002, providers.md §B, specs/wacht-frontend-api.openapi.json):
// only the `__session` cookie authenticates; a request without a signed-in session gets a
// fresh anonymous session cookie and 400 "No active sign-in found".
type WachtUser = Record<string, unknown> & { id: string; username: string };

interface Account {
  password: string;
  user: WachtUser;
  /** A picture uploaded through POST /me/profile-picture. */
  picture?: { type: string; data: Buffer; version: number };
}

const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const PICTURE_MAX_BYTES = 2_000_000;

interface Session {
  userId: string | null;
  createdAt: string;
  issuedAt: number;
}

const COOKIE = '__session';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPMOCKTOTPSECRET';

function wachtUser(overrides: Partial<WachtUser> = {}): WachtUser {
  const id = overrides.id ?? uuid();
  const email = {
    id: `em_${id.slice(0, 8)}`,
    email: 'linus@kernel.example',
    is_primary: true,
    verified: true,
    verified_at: '2025-02-03T10:00:00Z',
    verification_strategy: 'otp',
  };
  const phone = {
    id: `ph_${id.slice(0, 8)}`,
    phone_number: '555 0142',
    country_code: '+1',
    verified: false,
    verified_at: '',
  };
  return {
    id,
    first_name: 'Linus',
    last_name: 'Torvalds',
    username: 'linus',
    availability: 'available',
    has_profile_picture: true,
    profile_picture_url: '',
    primary_email_address_id: email.id,
    primary_phone_number_id: phone.id,
    primary_email_address: email,
    primary_phone_number: phone,
    second_factor_policy: 'optional',
    user_email_addresses: [email],
    user_phone_numbers: [phone],
    email_addresses: [email],
    phone_numbers: [phone],
    social_connections: [{ id: 'sc_1', provider: 'github_oauth', email_address: email.email, first_name: 'Linus', last_name: 'Torvalds' }],
    // Secrets Wacht really returns on /me: the extension must drop them at parse time.
    user_authenticator: {
      id: 'auth_1',
      created_at: '2025-02-03T10:05:00Z',
      totp_secret: TOTP_SECRET,
      otp_url: `otpauth://totp/Wacht:linus?secret=${TOTP_SECRET}&issuer=Wacht`,
    },
    authenticators: [
      {
        id: 'auth_1',
        created_at: '2025-02-03T10:05:00Z',
        totp_secret: TOTP_SECRET,
        otp_url: `otpauth://totp/Wacht:linus?secret=${TOTP_SECRET}`,
      },
    ],
    backup_codes_generated: true,
    backup_codes: ['9f3a-72bc-mock', '1d4e-88aa-mock', 'c0de-5eed-mock'],
    has_password: true,
    has_passkeys: false,
    public_metadata: { team: 'kernel' },
    segments: [
      {
        id: 'seg_1',
        created_at: '2025-01-01T00:00:00Z',
        updated_at: '2025-01-01T00:00:00Z',
        deployment_id: 'dep_1',
        name: 'Open Source Org',
        type: 'organization',
      },
    ],
    ...overrides,
  };
}

const DEMO: Account[] = [
  // The spec types has_profile_picture as a string, real servers send a boolean: one of each.
  { password: 'correct horse', user: wachtUser({ id: '0b5e1c7a-2f44-4d1e-8a6b-77c0ffee0001', has_profile_picture: 'true' }) },
  {
    password: 'battery staple',
    user: wachtUser({
      id: '0b5e1c7a-2f44-4d1e-8a6b-77c0ffee0002',
      first_name: 'Margaret',
      last_name: 'Hamilton',
      username: 'margaret',
      has_profile_picture: false,
      primary_email_address: {
        id: 'em_2',
        email: 'margaret@apollo.example',
        is_primary: true,
        verified: false,
        verified_at: null,
        verification_strategy: 'otp',
      },
    }),
  },
];

function wachtError(status: number, message: string, fieldErrors?: FieldErrors): MockResponse {
  const errors = fieldErrors
    ? Object.entries(fieldErrors).flatMap(([field, messages]) =>
        messages.map((m) => ({ message: m, code: `INVALID_${field.toUpperCase()}` })),
      )
    : [{ message, code: status === 401 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'BAD_REQUEST' }];
  return { status, body: { errors } };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sessionCookie(token: string, maxAge?: number): string {
  return `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
}

function jwtLike(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sid: uuid(), iat: Date.now() })}.${randomToken('', 43)}`;
}

function page(title: string, body: string): MockResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    raw: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${body}</main></body></html>`,
  };
}

export interface WachtMock extends MockProvider {
  /** The username and password the mock's sign-in page accepts for a user. */
  signInOf(userId: string): { username: string; password: string };
  /** Milliseconds after which a session token is rotated by Set-Cookie (Wacht: about 6 h). */
  rotateAfterMs: number;
  /**
   * When set, /me says when the sign-in expires (`session.expires_at`, as Wacht's Signin object
   * has it): this long after the session began. The /me reference documents no such field, so
   * the mock leaves it out unless a test asks.
   */
  sessionLifetimeMs: number | null;
}

export function createWachtMock(): WachtMock {
  let accounts: Account[] = [];
  const sessions = new Map<string, Session>();
  const reset = () => {
    accounts = DEMO.map((a) => ({ password: a.password, user: structuredClone(a.user) }));
    sessions.clear();
  };
  reset();

  const sessionOf = (req: MockRequest) => sessions.get(req.cookies[COOKIE] ?? '');
  const accountOf = (req: MockRequest) => {
    const session = sessionOf(req);
    return session?.userId ? accounts.find((a) => a.user.id === session.userId) : undefined;
  };

  function newSession(userId: string | null): string {
    const token = jwtLike();
    sessions.set(token, { userId, createdAt: new Date().toISOString(), issuedAt: Date.now() });
    return token;
  }

  /** What Wacht does with a missing or bad cookie: a new anonymous session, and no user. */
  function noSignIn(): MockResponse {
    return {
      ...wachtError(400, 'No active sign-in found'),
      headers: { 'set-cookie': sessionCookie(newSession(null)) },
    };
  }

  function me(req: MockRequest, account: Account, mock: WachtMock): MockResponse {
    const token = req.cookies[COOKIE]!;
    const session = sessions.get(token)!;
    const headers: Record<string, string> = {};
    if (Date.now() - session.issuedAt >= mock.rotateAfterMs) {
      const rotated = newSession(account.user.id);
      sessions.get(rotated)!.createdAt = session.createdAt;
      headers['set-cookie'] = sessionCookie(rotated);
    }
    const body = {
      status: 200,
      message: 'OK',
      data: {
        ...account.user,
        has_profile_picture: account.picture ? true : account.user.has_profile_picture,
        // An uploaded picture; else a URL given to the user (hostile-data tests); else the mock's.
        profile_picture_url:
          (account.picture && `${req.baseUrl}/picture/${account.user.id}?v=${account.picture.version}`) ||
          (account.user.profile_picture_url as string) ||
          ([true, 'true'].includes(account.user.has_profile_picture as never)
            ? `${new URL(req.baseUrl).origin}/avatars/${encodeURIComponent(account.user.username)}.png`
            : ''),
      },
      session: {
        id: `sess_${account.user.id.slice(0, 8)}`,
        created_at: session.createdAt,
        updated_at: new Date().toISOString(),
        ...(mock.sessionLifetimeMs === null
          ? {}
          : { expires_at: new Date(Date.parse(session.createdAt) + mock.sessionLifetimeMs).toISOString() }),
      },
    };
    return { status: 200, headers, body };
  }

  function update(req: MockRequest, account: Account): MockResponse {
    let form: URLSearchParams;
    try {
      form = formBody(req);
    } catch (error) {
      return wachtError(400, (error as Error).message);
    }
    const changes: Record<string, string> = {};
    for (const key of ['first_name', 'last_name', 'username'] as const) {
      const value = form.get(key)?.trim();
      if (value) changes[key] = value; // Wacht skips empty values
    }
    if (changes.username !== undefined) {
      if (!/^[A-Za-z0-9_.-]{1,64}$/.test(changes.username)) {
        return { status: 400, body: { errors: [{ message: 'Username is invalid', code: 'INVALID_USERNAME' }] } };
      }
      const taken = accounts.some((a) => a !== account && a.user.username === changes.username);
      if (taken) return { status: 400, body: { errors: [{ message: 'Username already exists', code: 'USERNAME_EXISTS' }] } };
    }
    Object.assign(account.user, changes);
    return { status: 200, body: { status: 200, message: 'Success', data: 'User updated successfully', session: null } };
  }

  function uploadPicture(req: MockRequest, account: Account): MockResponse {
    const parts = parseMultipart(String(req.headers['content-type'] ?? ''), req.body);
    const file = parts?.find((part) => part.name === 'file' && part.filename !== null);
    const error = (code: string, message: string): MockResponse => ({ status: 400, body: { errors: [{ code, message }] } });
    if (!file) return error('FILE_REQUIRED', 'A multipart field "file" is required');
    if (!file.type || !PICTURE_TYPES.includes(file.type)) return error('INVALID_FILE_TYPE', 'Only PNG, JPEG, WebP or GIF images');
    if (file.data.length > PICTURE_MAX_BYTES) return error('FILE_TOO_LARGE', 'The picture is larger than 2 MB');
    account.picture = { type: file.type, data: file.data, version: (account.picture?.version ?? 0) + 1 };
    return { status: 200, body: { status: 200, message: 'Success', data: null, session: null } };
  }

  function picture(req: MockRequest): MockResponse {
    const account = accounts.find((a) => req.path === `/picture/${a.user.id}`);
    if (!account?.picture) return wachtError(404, 'No picture');
    return { status: 200, headers: { 'content-type': account.picture.type }, raw: account.picture.data };
  }

  function signIn(req: MockRequest): MockResponse {
    if (req.method === 'GET') {
      const users = accounts
        .map((a) => `<li><code>${escapeHtml(a.user.username)}</code> / <code>${escapeHtml(a.password)}</code></li>`)
        .join('');
      return page(
        'Sign in — Wacht mock',
        `<h1>Sign in</h1><form method="post"><label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button></form><p>Demo users:</p><ul>${users}</ul>`,
      );
    }
    const form = new URLSearchParams(req.body.toString('utf8'));
    const account = accounts.find((a) => a.user.username === form.get('username') && a.password === form.get('password'));
    if (!account) return { ...page('Sign in failed', '<h1>Wrong username or password</h1>'), status: 401 };
    return {
      status: 303,
      headers: { location: `${req.baseUrl}/account`, 'set-cookie': sessionCookie(newSession(account.user.id)) },
      raw: '',
    };
  }

  function signOut(req: MockRequest): MockResponse {
    sessions.delete(req.cookies[COOKIE] ?? '');
    return {
      ...page('Signed out', '<h1>You are signed out</h1>'),
      headers: { 'content-type': 'text/html', 'set-cookie': sessionCookie('', 0) },
    };
  }

  const mock: WachtMock = {
    id: 'wacht',
    rotateAfterMs: 6 * 60 * 60 * 1000,
    sessionLifetimeMs: null,
    faultable: (req) => req.path.startsWith('/me'),
    identify: (req) => accountOf(req)?.user.id ?? null,
    error: wachtError,
    handle(req) {
      if (req.path === '/sign-in') return signIn(req);
      if (req.path === '/sign-out') return signOut(req);
      if (req.path.startsWith('/picture/')) return picture(req);
      if (req.path === '/me/profile-picture') {
        const account = accountOf(req);
        if (!account) return noSignIn();
        return req.method === 'POST' ? uploadPicture(req, account) : wachtError(405, 'Method not allowed');
      }
      if (req.path === '/account') {
        const account = accountOf(req);
        return page('Account', account ? `<h1>Signed in as ${escapeHtml(account.user.username)}</h1>` : '<h1>Not signed in</h1>');
      }
      if (req.path !== '/me') return wachtError(404, 'Not found');
      const account = accountOf(req);
      if (!account) return noSignIn();
      if (req.method === 'GET') return me(req, account, mock);
      if (req.method === 'POST') return update(req, account);
      return wachtError(405, 'Method not allowed');
    },
    schemaBreakingBody: () => ({ status: 200, message: 'OK', data: { id: null, first_name: 7, primary_email_address: 'x' } }),
    credentialsOf(userId) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no Wacht user ${userId}`);
      return { useBrowserSession: 'true' };
    },
    signInOf(userId) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no Wacht user ${userId}`);
      return { username: account.user.username, password: account.password };
    },
    userIds: () => accounts.map((a) => a.user.id),
    createUser(overrides = {}) {
      const id = uuid();
      const user = wachtUser({ id, username: `user-${id.slice(0, 8)}`, ...overrides });
      accounts.push({ password: 'password', user });
      return id;
    },
    userData: (userId) => accounts.find((a) => a.user.id === userId)?.user,
    displayNameOf: (userId) => nameOf(accounts.find((a) => a.user.id === userId)?.user, 'first_name', 'last_name'),
    reset() {
      reset();
      mock.sessionLifetimeMs = null;
    },
  };
  return mock;
}
