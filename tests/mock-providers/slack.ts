import { type MockProvider, type MockRequest, type MockResponse, bearerToken, randomToken } from './types';

// Slack's `users.profile.get` (a gallery entry): every answer is HTTP 200, an error says
// `"ok": false` with a code — the shape the gallery definition's failWhen reads.
type SlackProfile = Record<string, unknown> & { real_name: string };

interface Account {
  token: string;
  userId: string;
  profile: SlackProfile;
}

function slackProfile(overrides: Partial<SlackProfile> = {}): SlackProfile {
  return {
    real_name: 'Grace Hopper',
    display_name: 'grace',
    first_name: 'Grace',
    last_name: 'Hopper',
    email: 'grace@slack.example',
    phone: '',
    title: 'Rear Admiral',
    status_emoji: ':ship:',
    status_text: 'At sea',
    image_192: '',
    ...overrides,
  };
}

const DEMO: Account[] = [{ token: 'xoxp-DEMO-0000000001-grace', userId: 'U0GRACE01', profile: slackProfile() }];

const slackError = (_status: number, message: string): MockResponse => ({ status: 200, body: { ok: false, error: message } });

export function createSlackMock(): MockProvider {
  let accounts: Account[] = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ ...a, profile: structuredClone(a.profile) }));
  };
  reset();
  const accountOf = (req: MockRequest) => accounts.find((a) => a.token === bearerToken(req));

  return {
    id: 'slack',
    identify: (req) => accountOf(req)?.userId ?? null,
    error: slackError,
    handle(req) {
      if (req.path !== '/api/users.profile.get') return slackError(200, 'unknown_method');
      const account = accountOf(req);
      if (!account) return slackError(200, bearerToken(req) ? 'invalid_auth' : 'not_authed');
      const image = `${new URL(req.baseUrl).origin}/avatars/${account.userId}.png`;
      return { status: 200, body: { ok: true, profile: { ...account.profile, image_192: image } } };
    },
    schemaBreakingBody: () => ({ ok: true, profile: 'nope' }),
    credentialsOf(userId) {
      const account = accounts.find((a) => a.userId === userId);
      if (!account) throw new Error(`no Slack user ${userId}`);
      return { token: account.token };
    },
    userIds: () => accounts.map((a) => a.userId),
    createUser(overrides = {}) {
      const userId = `U${randomToken('', 8).toUpperCase()}`;
      accounts.push({ token: randomToken('xoxp-', 40), userId, profile: slackProfile(overrides) });
      return userId;
    },
    userData: (userId) => accounts.find((a) => a.userId === userId)?.profile,
    displayNameOf: (userId) => String(accounts.find((a) => a.userId === userId)?.profile.real_name ?? ''),
    reset,
  };
}
