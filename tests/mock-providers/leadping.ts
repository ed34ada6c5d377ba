import {
  type FieldErrors,
  type MockProvider,
  type MockRequest,
  type MockResponse,
  bearerToken,
  header,
  jsonBody,
  randomToken,
  uuid,
  nameOf,
} from './types';

// Leadping (seed 003, providers.md §C, specs/leadping-2025-06.openapi.json): no envelope,
// ASP.NET ProblemDetails errors, and PUT /users/me replaces the user with the body.
type LeadpingUser = Record<string, unknown> & { id: string };

interface Account {
  token: string;
  apiKey: string;
  user: LeadpingUser;
}

const USER_REQUEST_FIELDS = [
  'id',
  'name',
  'email',
  'firstName',
  'lastName',
  'phone',
  'billingPlan',
  'subscriptionId',
  'subscriptionStatus',
  'business',
] as const;

function leadpingUser(overrides: Partial<LeadpingUser> = {}): LeadpingUser {
  return {
    id: uuid(),
    createdAt: '2024-03-14T15:09:26Z',
    modifiedAt: '2026-11-20T08:00:00Z',
    name: 'Katherine Johnson',
    email: 'katherine@orbit.example',
    firstName: 'Katherine',
    lastName: 'Johnson',
    phone: '+1 757 555 0100',
    billingPlan: 'Annual',
    subscriptionId: 'sub_LPmock001',
    subscriptionStatus: 'Active',
    roles: ['Agent', 'Admin'],
    identities: [{ issuer: 'leadping.b2clogin.com', issuerAssignedId: 'kj@orbit.example', signInType: 'emailAddress' }],
    stripeInfo: { customerId: 'cus_LPmock001', defaultPaymentMethodId: 'pm_mock001', subscriptionIds: ['sub_LPmock001'], cancelAt: null },
    accountBalance: 42.5,
    autoRefillEnabled: true,
    autoRefillAmount: 50,
    autoRefillTrigger: 10,
    business: { id: 'biz_001', name: 'Orbital Mechanics LLC' },
    compliance: {
      acceptedTerms: true,
      acceptedToSubscription: true,
      acceptedSms: true,
      acceptedBaa: false,
      acceptedEmail: true,
      trustedFormCertificates: [],
    },
    ...overrides,
  };
}

const DEMO: Account[] = [
  {
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrYXRoZXJpbmUifQ.DEMO-leadping-user-token-1',
    apiKey: 'lp_live_DEMOkatherine0000000000001',
    user: leadpingUser({ id: '5f6a7b8c-1111-4222-8333-944455566601' }),
  },
  {
    token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkb3JvdGh5In0.DEMO-leadping-user-token-2',
    apiKey: 'lp_live_DEMOdorothy00000000000002',
    user: leadpingUser({
      id: '5f6a7b8c-1111-4222-8333-944455566602',
      name: 'Dorothy Vaughan',
      email: 'dorothy@orbit.example',
      firstName: 'Dorothy',
      lastName: 'Vaughan',
      roles: ['Agent'],
      billingPlan: 'Monthly',
      subscriptionStatus: 'Overdue',
    }),
  },
];

const PROBLEM = 'application/problem+json; charset=utf-8';

function problem(status: number, message: string, fieldErrors?: FieldErrors): MockResponse {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    429: 'Too Many Requests',
    500: 'An error occurred while processing your request.',
  };
  const body: Record<string, unknown> = {
    type: `https://tools.ietf.org/html/rfc9110#section-15.${status >= 500 ? 6 : 5}.${(status % 100) + 1}`,
    title: fieldErrors ? 'One or more validation errors occurred.' : (titles[status] ?? 'Error'),
    status,
    traceId: `00-${randomToken('', 32).toLowerCase()}-${randomToken('', 16).toLowerCase()}-00`,
  };
  if (fieldErrors) body.errors = fieldErrors;
  else body.detail = message;
  return { status, headers: { 'content-type': PROBLEM }, body };
}

export interface LeadpingMock extends MockProvider {
  /** The user's API key, for trying the X-Leadping-Api-Key style (which /users/me refuses). */
  apiKeyOf(userId: string): string;
  /** Gives the user a new token: a JWT whose `exp` is this many seconds away (negative: already past). */
  issueToken(userId: string, expiresInSec: number): string;
}

const base64UrlJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT's `exp` in ms, or null: Leadping refuses a user token once it has expired. */
function expiryOf(token: string): number | null {
  try {
    const exp: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

export function createLeadpingMock(): LeadpingMock {
  let accounts: Account[] = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ ...a, user: structuredClone(a.user) }));
  };
  reset();

  const accountOf = (req: MockRequest) => {
    const token = bearerToken(req);
    if (!token || (expiryOf(token) ?? Infinity) <= Date.now()) return undefined;
    return accounts.find((a) => a.token === token);
  };

  function replace(req: MockRequest, account: Account): MockResponse {
    let body: unknown;
    try {
      body = jsonBody(req);
    } catch (error) {
      return problem(400, (error as Error).message, { $: ['The JSON value could not be converted to UserRequest.'] });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return problem(400, 'invalid body', { $: ['The JSON value could not be converted to UserRequest.'] });
    }
    const request = body as Record<string, unknown>;
    const errors: FieldErrors = {};
    for (const key of Object.keys(request)) {
      if (!(USER_REQUEST_FIELDS as readonly string[]).includes(key)) errors[`$.${key}`] = [`The property '${key}' is not allowed.`];
    }
    if (typeof request.name !== 'string') errors.Name = ['The Name field is required.'];
    else if (request.name.length > 255) errors.Name = ['The field Name must be a string with a maximum length of 255.'];
    for (const key of ['email', 'firstName', 'lastName', 'phone'] as const) {
      const value = request[key];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        errors[key[0]!.toUpperCase() + key.slice(1)] = [`The JSON value could not be converted to System.String.`];
      }
    }
    if (Object.keys(errors).length > 0) return problem(400, 'validation', errors);
    // A replace: every UserRequest field the body leaves out is reset.
    for (const key of USER_REQUEST_FIELDS) {
      if (key === 'id' || key === 'business') continue;
      account.user[key] = request[key] ?? null;
    }
    account.user.modifiedAt = new Date().toISOString();
    return { status: 200, body: account.user };
  }

  return {
    id: 'leadping',
    identify: (req) => accountOf(req)?.user.id ?? null,
    error: problem,
    handle(req) {
      if (req.path !== '/users/me') return problem(404, `No route for ${req.method} ${req.path}`);
      const apiKey = header(req, 'x-leadping-api-key');
      if (!bearerToken(req) && apiKey) {
        const known = accounts.some((a) => a.apiKey === apiKey);
        return problem(401, known ? 'API keys cannot read /users/me: use a user token.' : 'Invalid API key.');
      }
      const account = accountOf(req);
      if (!account) return problem(401, 'Bearer token is missing, expired or invalid.');
      if (req.method === 'GET') return { status: 200, body: account.user };
      if (req.method === 'PUT') return replace(req, account);
      return problem(405, 'Method not allowed');
    },
    schemaBreakingBody: () => ({ id: 123, createdAt: 'yesterday', roles: 'Admin', name: ['Katherine'] }),
    credentialsOf(userId) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no Leadping user ${userId}`);
      return { authStyle: 'bearer', token: account.token };
    },
    issueToken(userId, expiresInSec) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no Leadping user ${userId}`);
      const now = Math.floor(Date.now() / 1000);
      const claims = { sub: userId, iat: now, exp: now + expiresInSec };
      account.token = `${base64UrlJson({ alg: 'HS256', typ: 'JWT' })}.${base64UrlJson(claims)}.${randomToken('', 32)}`;
      return account.token;
    },
    apiKeyOf(userId) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no Leadping user ${userId}`);
      return account.apiKey;
    },
    userIds: () => accounts.map((a) => a.user.id),
    createUser(overrides = {}) {
      const user = leadpingUser(overrides);
      accounts.push({
        token: `eyJhbGciOiJIUzI1NiJ9.${randomToken('', 24)}.${randomToken('', 32)}`,
        apiKey: randomToken('lp_live_', 24),
        user,
      });
      return user.id;
    },
    userData: (userId) => accounts.find((a) => a.user.id === userId)?.user,
    displayNameOf: (userId) => {
      const user = accounts.find((a) => a.user.id === userId)?.user;
      return String(user?.name || nameOf(user, 'firstName', 'lastName'));
    },
    reset,
  };
}
