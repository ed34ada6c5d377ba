import { type MockProvider, type MockRequest, type MockResponse, bearerToken, jsonBody, randomToken } from './types';

// GitHub's `GET /user` (a gallery entry, not a built-in), shaped as its OpenAPI description's
// private-user: what the e2e suite adds from the Provider list. Scopes come back in a header.
type GitHubUser = Record<string, unknown> & { id: number; login: string };

interface Account {
  token: string;
  user: GitHubUser;
}

let nextId = 583_231;

function gitHubUser(overrides: Partial<GitHubUser> = {}): GitHubUser {
  const id = nextId++;
  return {
    login: 'octocat',
    id,
    avatar_url: '',
    html_url: 'https://github.com/octocat',
    name: 'The Octocat',
    company: '@github',
    email: 'octocat@github.example',
    notification_email: 'octocat@github.example',
    created_at: '2011-01-25T18:44:36Z',
    updated_at: '2026-11-30T10:00:00Z',
    two_factor_authentication: true,
    plan: { name: 'pro', space: 976_562_499, private_repos: 9999, collaborators: 0 },
    ...overrides,
  };
}

const DEMO: Account[] = [{ token: 'ghp_DEMOtokenOctocat000000000000000001', user: gitHubUser({ id: 583_230 }) }];

const gitHubError = (status: number, message: string): MockResponse => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest', status: String(status) },
});

export function createGitHubMock(): MockProvider {
  let accounts: Account[] = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ token: a.token, user: structuredClone(a.user) }));
  };
  reset();
  const accountOf = (req: MockRequest) => accounts.find((a) => a.token === bearerToken(req));
  const answer = (req: MockRequest, user: GitHubUser): MockResponse => ({
    status: 200,
    headers: {
      'x-oauth-scopes': 'read:user, user:email',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4987',
      // GitHub's format for a token with an expiry: twelve days from now.
      'github-authentication-token-expiration':
        new Date(Date.now() + 12 * 86_400_000).toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
    },
    body: { ...user, avatar_url: `${new URL(req.baseUrl).origin}/avatars/${user.login}.png` },
  });

  return {
    id: 'github',
    identify: (req) => (accountOf(req) ? String(accountOf(req)!.user.id) : null),
    error: gitHubError,
    handle(req) {
      if (req.path !== '/user') return gitHubError(404, 'Not Found');
      const account = accountOf(req);
      if (!account) return gitHubError(401, 'Bad credentials');
      if (req.method === 'GET') return answer(req, account.user);
      if (req.method === 'PATCH') {
        const body = jsonBody(req) as Record<string, unknown>;
        for (const key of ['name', 'bio', 'company', 'location'] as const) if (typeof body[key] === 'string') account.user[key] = body[key];
        return answer(req, account.user);
      }
      return gitHubError(405, 'Method not allowed');
    },
    schemaBreakingBody: () => ({ login: 42 }),
    credentialsOf(userId) {
      const account = accounts.find((a) => String(a.user.id) === userId);
      if (!account) throw new Error(`no GitHub user ${userId}`);
      return { token: account.token };
    },
    userIds: () => accounts.map((a) => String(a.user.id)),
    createUser(overrides = {}) {
      const user = gitHubUser(overrides);
      accounts.push({ token: randomToken('ghp_', 36), user });
      return String(user.id);
    },
    userData: (userId) => accounts.find((a) => String(a.user.id) === userId)?.user,
    displayNameOf: (userId) => String(accounts.find((a) => String(a.user.id) === userId)?.user.name ?? ''),
    reset,
  };
}
