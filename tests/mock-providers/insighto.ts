import { type FieldErrors, type MockProvider, type MockRequest, type MockResponse, jsonBody, randomToken, uuid, nameOf } from './types';

// Shapes of seeds 000/001 (`{message, meta, data}`) and FastAPI-style errors (providers.md §A).
type InsightoUser = Record<string, unknown> & { id: string };

interface Account {
  apiKey: string;
  user: InsightoUser;
}

const EDITABLE = new Set(['first_name', 'last_name', 'phone', 'business_name']);

function insightoUser(overrides: Partial<InsightoUser> = {}): InsightoUser {
  return {
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@analytical.example',
    is_active: true,
    is_superuser: false,
    birthdate: '1815-12-10T00:00:00Z',
    is_enterprise: false,
    role_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    phone: '+44 20 7946 0018',
    state: 'London',
    country: 'GB',
    address: '12 St James’s Square',
    active_billing_plan_id: '5b1f0a3e-7a53-4a8c-9a5f-4f1b5d7f2c11',
    next_billing_plan_id: '5b1f0a3e-7a53-4a8c-9a5f-4f1b5d7f2c11',
    stripe_customer_id: 'cus_Q8mock0000001',
    stripe_subscription_id: 'sub_1Pmock0000001',
    stripe_subscription_status: 'trialing',
    stripe_has_payment_method: true,
    is_trial: true,
    used_trial: true,
    is_paying: false,
    stripe_last_payment_date: '2026-10-01T09:30:00Z',
    billing_updated_at: '2026-10-01T09:30:00Z',
    last_credits_refresh: '2026-11-01T00:00:00Z',
    next_credits_refresh: '2026-12-01T00:00:00Z',
    id: uuid(),
    follower_count: 128,
    following_count: 12,
    ...overrides,
  };
}

const DEMO: Account[] = [
  {
    apiKey: 'in-DEMOada0lovelace0analytical0engine000000001',
    user: insightoUser({ id: '7f0c2d1e-4b6a-4c3e-9d8f-1a2b3c4d5e6f' }),
  },
  {
    apiKey: 'in-DEMOgrace0hopper0cobol0compiler00000000002',
    user: insightoUser({
      id: 'a1b2c3d4-0000-4000-8000-00000000c0b0',
      first_name: 'Grace',
      last_name: 'Hopper',
      email: 'grace@navy.example',
      is_trial: false,
      is_paying: true,
      is_enterprise: true,
      stripe_subscription_status: 'active',
    }),
  },
];

function fastApiError(status: number, message: string, fieldErrors?: FieldErrors): MockResponse {
  if (fieldErrors) {
    const detail = Object.entries(fieldErrors).flatMap(([field, messages]) =>
      messages.map((msg) => ({ loc: ['body', field], msg, type: 'value_error' })),
    );
    return { status, body: { detail } };
  }
  return { status, body: { detail: message } };
}

export function createInsightoMock(): MockProvider {
  let accounts: Account[] = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ apiKey: a.apiKey, user: structuredClone(a.user) }));
  };
  reset();

  const byKey = (req: MockRequest) => accounts.find((a) => a.apiKey === req.url.searchParams.get('api_key'));
  const envelope = (user: InsightoUser, message: string) => ({ status: 200, body: { message, meta: {}, data: user } });

  function update(req: MockRequest, account: Account, id: string): MockResponse {
    if (id !== account.user.id) return fastApiError(403, 'You can only update your own profile');
    let body: unknown;
    try {
      body = jsonBody(req);
    } catch (error) {
      return fastApiError(422, String((error as Error).message), { body: ['a JSON object is required'] });
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return fastApiError(422, 'invalid body', { body: ['a JSON object is required'] });
    }
    const fieldErrors: FieldErrors = {};
    for (const [key, value] of Object.entries(body)) {
      if (!EDITABLE.has(key)) fieldErrors[key] = ['field is not editable'];
      else if (typeof value !== 'string') fieldErrors[key] = ['str type expected'];
      else if (key === 'phone' && !/^[+()0-9 .-]*$/.test(value)) fieldErrors[key] = ['value is not a valid phone number'];
      else if (value.length > 100) fieldErrors[key] = ['ensure this value has at most 100 characters'];
    }
    if (Object.keys(fieldErrors).length > 0) return fastApiError(422, 'validation error', fieldErrors);
    Object.assign(account.user, body);
    return envelope(account.user, 'User updated successfully');
  }

  return {
    id: 'insighto',
    identify: (req) => byKey(req)?.user.id ?? null,
    error: fastApiError,
    handle(req) {
      // Insighto reads the key only from the query: a Bearer header is ignored.
      const key = req.url.searchParams.get('api_key');
      if (!key) return fastApiError(401, 'Not authenticated');
      const account = byKey(req);
      if (!account) return fastApiError(401, 'Invalid API key');
      if (req.path === '/api/v1/user' && req.method === 'GET') return envelope(account.user, 'User fetched successfully');
      const match = /^\/api\/v1\/user\/([^/]+)$/.exec(req.path);
      if (match && req.method === 'PUT') return update(req, account, decodeURIComponent(match[1]!));
      if (match || req.path === '/api/v1/user') return fastApiError(405, 'Method Not Allowed');
      return fastApiError(404, 'Not Found');
    },
    schemaBreakingBody: () => ({ message: 'ok', meta: {}, data: { id: 42, email: ['not', 'a', 'string'] } }),
    credentialsOf(userId) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no Insighto user ${userId}`);
      return { apiKey: account.apiKey };
    },
    userIds: () => accounts.map((a) => a.user.id),
    createUser(overrides = {}) {
      const user = insightoUser({ id: uuid(), ...overrides });
      accounts.push({ apiKey: randomToken('in-', 43), user });
      return user.id;
    },
    userData: (userId) => accounts.find((a) => a.user.id === userId)?.user,
    displayNameOf: (userId) => nameOf(accounts.find((a) => a.user.id === userId)?.user, 'first_name', 'last_name'),
    reset,
  };
}
