import {
  type FieldErrors,
  type MockProvider,
  type MockRequest,
  type MockResponse,
  header,
  jsonBody,
  randomToken,
  uuid,
  nameOf,
  basicPassword,
} from './types';

// A fifth API that Whoami ships no adapter for: the e2e suite connects it through the options
// page's definition editor. Its shapes are deliberately unlike the four seeds.
type AcmeUser = Record<string, unknown> & { uid: string };

interface Account {
  apiKey: string;
  user: AcmeUser;
}

function acmeUser(overrides: Partial<AcmeUser> = {}): AcmeUser {
  return {
    uid: `u_${uuid().slice(0, 8)}`,
    given_name: 'Hedy',
    family_name: 'Lamarr',
    mail: 'hedy@acme.example',
    created: 1_700_000_000,
    avatar: { url: '' },
    teams: [{ name: 'Frequency Hopping' }],
    role_names: ['owner', 'inventor'],
    ...overrides,
  };
}

const DEMO: Account[] = [{ apiKey: 'acme_DEMO_key_hedy_0000000000000001', user: acmeUser({ uid: 'u_hedy0001' }) }];

function acmeError(status: number, message: string, fieldErrors?: FieldErrors): MockResponse {
  const details = fieldErrors
    ? Object.entries(fieldErrors).map(([field, messages]) => ({ field, message: messages.join(' ') }))
    : undefined;
  return { status, body: { ok: false, error: { code: status, message, details } } };
}

export function createAcmeMock(): MockProvider {
  let accounts: Account[] = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ apiKey: a.apiKey, user: structuredClone(a.user) }));
  };
  reset();
  // The key in X-API-Key, or as the password of HTTP Basic (a definition using the Basic auth style).
  const keyOf = (req: MockRequest) => header(req, 'x-api-key') ?? basicPassword(req);
  const accountOf = (req: MockRequest) => accounts.find((a) => a.apiKey === keyOf(req));
  const answer = (req: MockRequest, user: AcmeUser): MockResponse => ({
    status: 200,
    body: { ok: true, result: { user: { ...user, avatar: { url: `${new URL(req.baseUrl).origin}/avatars/${user.uid}.png` } } } },
  });

  return {
    id: 'acme',
    identify: (req) => accountOf(req)?.user.uid ?? null,
    error: acmeError,
    handle(req) {
      if (req.path !== '/api/whoami') return acmeError(404, 'No such route');
      const account = accountOf(req);
      if (!account) return acmeError(401, keyOf(req) ? 'Unknown API key' : 'X-API-Key header missing');
      if (req.method === 'GET') return answer(req, account.user);
      // A read with a JSON query body, as a GraphQL API takes it (the definition language's POST read).
      if (req.method === 'POST') {
        const body = jsonBody(req) as { query?: unknown };
        return typeof body.query === 'string' ? answer(req, account.user) : acmeError(400, 'A query is required');
      }
      if (req.method === 'PATCH') {
        let body: Record<string, unknown>;
        try {
          body = jsonBody(req) as Record<string, unknown>;
        } catch (error) {
          return acmeError(400, (error as Error).message);
        }
        const bad = Object.keys(body).filter((k) => k !== 'given_name' && k !== 'family_name');
        if (bad.length > 0) return acmeError(422, 'Read-only fields', Object.fromEntries(bad.map((k) => [k, ['cannot be changed']])));
        Object.assign(account.user, body);
        return answer(req, account.user);
      }
      return acmeError(405, 'Method not allowed');
    },
    schemaBreakingBody: () => ({ ok: true, result: 'nope' }),
    credentialsOf(userId) {
      const account = accounts.find((a) => a.user.uid === userId);
      if (!account) throw new Error(`no Acme user ${userId}`);
      return { apiKey: account.apiKey };
    },
    userIds: () => accounts.map((a) => a.user.uid),
    createUser(overrides = {}) {
      const user = acmeUser(overrides);
      accounts.push({ apiKey: randomToken('acme_', 32), user });
      return user.uid;
    },
    userData: (userId) => accounts.find((a) => a.user.uid === userId)?.user,
    displayNameOf: (userId) => nameOf(accounts.find((a) => a.user.uid === userId)?.user, 'given_name', 'family_name'),
    reset,
  };
}
