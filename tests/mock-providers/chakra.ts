import {
  type FieldErrors,
  type MockProvider,
  type MockRequest,
  type MockResponse,
  bearerToken,
  jsonBody,
  randomToken,
  uuid,
  nameOf,
} from './types';

// ChakraHQ (seed 004, providers.md §D): `{_data, _meta, _errors}`, empty strings for unset
// text, `dob` 0 when unset, times in epoch milliseconds. No current-user call: the user id is
// in the path and any of the organisation's tokens may read it.
type ChakraUser = Record<string, unknown> & { id: string };

interface Account {
  token: string;
  user: ChakraUser;
}

function chakraUser(overrides: Partial<ChakraUser> = {}): ChakraUser {
  const id = (overrides.id as string | undefined) ?? uuid();
  const email = {
    id: `e-${id.slice(0, 8)}`,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    email: 'mary@chakra.example',
    normalizedEmail: 'mary@chakra.example',
    type: 'WORK',
    isVerified: true,
    user: id,
  };
  return {
    phones: ['+91 98450 00042'],
    emails: [email],
    id,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_763_000_000_000,
    username: 'mary.jackson',
    firstName: 'Mary',
    lastName: 'Jackson',
    middleName: '',
    displayName: 'Mary Jackson',
    gender: '',
    dob: 0,
    bio: 'Wind tunnel engineer.',
    profileImageUrl: '',
    coverImageUrl: '',
    timezone: '+0530',
    data: null,
    onboardingData: null,
    isActive: true,
    isDeleted: false,
    deletedAt: null,
    availabilityStatus: 'AVAILABLE',
    team: 'Aeronautics',
    role: 'ADMIN',
    primaryEmail: email,
    primaryPhone: null,
    profile: null,
    reportees: ['b7e1c1f0-0000-4000-8000-000000000001'],
    ...overrides,
  };
}

const DEMO_USER_ID = '9763caa1-cef3-497f-b3b2-f551456b2831';

const DEMO: Account[] = [
  { token: 'chk_DEMO_access_token_mary_0000000000000001', user: chakraUser({ id: DEMO_USER_ID }) },
  {
    token: 'chk_DEMO_access_token_christine_000000000002',
    user: chakraUser({
      id: '1f2e3d4c-5b6a-4798-8877-665544332211',
      username: 'christine',
      firstName: 'Christine',
      lastName: 'Darden',
      displayName: '',
      profileImageUrl: 'avatar',
      emails: [],
      primaryEmail: { email: 'christine@chakra.example', isVerified: false },
      availabilityStatus: 'BUSY',
      dob: 0,
    }),
  },
];

function chakraError(status: number, message: string, fieldErrors?: FieldErrors): MockResponse {
  const errors = fieldErrors
    ? Object.entries(fieldErrors).flatMap(([field, messages]) => messages.map((m) => ({ field, message: m })))
    : [{ code: status, message }];
  return { status, body: { _data: null, _meta: {}, _errors: errors } };
}

export interface ChakraMock extends MockProvider {
  /** The update method the mock accepts; the real one is unconfirmed (providers.md §D). */
  updateMethod: 'PATCH' | 'PUT';
}

export function createChakraMock(): ChakraMock {
  let accounts: Account[] = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ token: a.token, user: structuredClone(a.user) }));
    mock.updateMethod = 'PATCH';
  };

  const userPath = (req: MockRequest) => {
    const match = /^\/v1\/ext\/user\/([^/]+)$/.exec(req.path);
    return match ? decodeURIComponent(match[1]!) : null;
  };
  const tokenValid = (req: MockRequest) => accounts.some((a) => a.token === bearerToken(req));

  function withAvatar(req: MockRequest, user: ChakraUser): ChakraUser {
    if (user.profileImageUrl !== 'avatar') return user;
    return { ...user, profileImageUrl: `${new URL(req.baseUrl).origin}/avatars/${String(user.username)}.png` };
  }

  function update(req: MockRequest, account: Account): MockResponse {
    let body: unknown;
    try {
      body = jsonBody(req);
    } catch (error) {
      return chakraError(400, (error as Error).message);
    }
    const errors: FieldErrors = {};
    for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
      if (key !== 'firstName' && key !== 'lastName') errors[key] = ['field cannot be updated'];
      else if (typeof value !== 'string') errors[key] = ['must be a string'];
      else if (key === 'firstName' && value.trim() === '') errors[key] = ['firstName cannot be empty'];
    }
    if (Object.keys(errors).length > 0) return chakraError(400, 'validation failed', errors);
    Object.assign(account.user, body, { updatedAt: Date.now() });
    account.user.displayName = [account.user.firstName, account.user.lastName].filter(Boolean).join(' ');
    return { status: 200, body: { _data: withAvatar(req, account.user), _meta: {}, _errors: [] } };
  }

  const mock: ChakraMock = {
    id: 'chakra',
    updateMethod: 'PATCH',
    identify: (req) => (tokenValid(req) ? userPath(req) : null),
    error: chakraError,
    handle(req) {
      const userId = userPath(req);
      if (!userId) return chakraError(404, 'Route not found');
      if (!bearerToken(req)) return chakraError(401, 'Authorization header is missing');
      if (!tokenValid(req)) return chakraError(401, 'Invalid access token');
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) return chakraError(404, `User ${userId} not found`);
      if (req.method === 'GET') return { status: 200, body: { _data: withAvatar(req, account.user), _meta: {}, _errors: [] } };
      if (req.method === mock.updateMethod) return update(req, account);
      return chakraError(405, `Method ${req.method} not allowed`);
    },
    schemaBreakingBody: () => ({ _data: { id: 99, createdAt: 'last tuesday', emails: 'none' }, _meta: {}, _errors: [] }),
    credentialsOf(userId) {
      const account = accounts.find((a) => a.user.id === userId);
      if (!account) throw new Error(`no ChakraHQ user ${userId}`);
      return { token: account.token, userId };
    },
    userIds: () => accounts.map((a) => a.user.id),
    createUser(overrides = {}) {
      const user = chakraUser({ id: uuid(), ...overrides });
      accounts.push({ token: randomToken('chk_', 40), user });
      return user.id;
    },
    userData: (userId) => accounts.find((a) => a.user.id === userId)?.user,
    displayNameOf: (userId) => {
      const user = accounts.find((a) => a.user.id === userId)?.user;
      return String(user?.displayName || nameOf(user, 'firstName', 'lastName'));
    },
    reset,
  };
  reset();
  return mock;
}
