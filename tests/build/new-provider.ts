import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

/**
 * `npm run new-provider -- <id> ["Display Name"]`: everything a new built-in provider needs, as
 * one unit — its view-safe descriptor, its background client, a mock of its API, a recorded
 * answer and its tests — registered where each registry expects it. The result compiles and its
 * tests pass against its mock; then make each part true to the real API.
 * tests/unit/build/providers-complete.test.ts fails while a registered provider lacks a part.
 */

export interface PlannedFile {
  path: string;
  content: string;
}

export interface PlannedEdit {
  path: string;
  /** The file's new content, given its current content. */
  apply(current: string): string;
}

const camel = (id: string) => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (id: string) => camel(id).replace(/^./, (c) => c.toUpperCase());

/** The parts a provider is made of, by id: what the completeness test looks for. */
export function providerParts(id: string): string[] {
  return [
    `lib/shared/providers/${id}.ts`,
    `lib/background/providers/${id}.ts`,
    `tests/mock-providers/${id}.ts`,
    `tests/fixtures/${id}.seed.json`,
    `tests/unit/lib/background/providers/${id}.test.ts`,
  ];
}

/** Adds an import after the last import, and an entry before the closing `};` of the object that starts at `opening`. */
function register(current: string, importLine: string, opening: string, entry: string): string {
  if (current.includes(importLine)) return current;
  const lines = current.split('\n');
  const lastImport = lines.reduce((last, line, index) => (line.startsWith('import ') || line.startsWith('} from ') ? index : last), -1);
  lines.splice(lastImport + 1, 0, importLine);
  const start = lines.findIndex((line) => line.startsWith(opening));
  if (start === -1) throw new Error(`no "${opening}" to register in`);
  const end = lines.findIndex((line, index) => index > start && /^\s*\};?\s*$/.test(line));
  lines.splice(end, 0, entry);
  return lines.join('\n');
}

export function planProvider(id: string, name: string): { files: PlannedFile[]; edits: PlannedEdit[] } {
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(id)) throw new Error(`"${id}" is not a provider id: lowercase letters, digits and -`);
  const Name = pascal(id);
  const c = camel(id);
  const [descriptorPath, clientPath, mockPath, seedPath, testPath] = providerParts(id) as [string, string, string, string, string];
  const seed = { id: 'u-1', first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' };

  const files: PlannedFile[] = [
    {
      path: descriptorPath,
      content: `import type { z } from '../zod';
import { baseUrlField, editableText, secretField, servedFrom } from './fields';
import { defineCredentials, type ProviderDescriptor } from './types';

// ${name}: what an account needs and where its requests go. (Scaffolded: make it true to the API.)
const credentials = defineCredentials({
  baseUrl: baseUrlField('https://api.${id}.example'),
  token: secretField('Token', { help: 'An API token made in ${name}.' }),
});

export type ${Name}Credentials = z.output<typeof credentials.schema>;

export const ${c}: ProviderDescriptor<${Name}Credentials> = {
  id: '${id}',
  name: '${name}',
  needs: 'an API token',
  auth: 'bearer',
  credentials,
  ...servedFrom((credentials) => credentials.baseUrl),
  editableFields: [
    { name: 'firstName', label: 'First name', input: 'text', schema: editableText('First name', 100) },
    { name: 'lastName', label: 'Last name', input: 'text', schema: editableText('Last name', 100) },
  ],
};
`,
    },
    {
      path: clientPath,
      content: `import { z } from '../../shared/zod';
import type { ${Name}Credentials } from '../../shared/providers/${id}';
import { textOrNull } from '../../shared/text';
import { type ErrorBodyReader, getJson, requestJson } from '../network/http';
import { buildProfile } from './normalize';
import { addFieldError, fetched, optText, parseRaw } from './raw';
import type { ProviderClient } from './types';

// ${name}'s current-user call and its edit. (Scaffolded: make it true to the API.)
const user = z.looseObject({ id: z.string().check(z.minLength(1)), first_name: optText, last_name: optText, email: optText });
const updateBody = z.strictObject({ first_name: z.optional(z.string()), last_name: z.optional(z.string()) });

const readErrorBody: ErrorBodyReader = (body) => {
  const problem = body as { message?: unknown; fieldErrors?: Record<string, string[]> } | null;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(problem?.fieldErrors ?? {})) for (const message of messages) addFieldError(fieldErrors, field, message);
  return { message: textOrNull(problem?.message), fieldErrors };
};

function parseProfile(body: unknown) {
  const answer = parseRaw(user, body);
  return buildProfile('${id}', { id: answer.id, firstName: answer.first_name, lastName: answer.last_name, email: answer.email });
}

const auth = (c: ${Name}Credentials) => ({ Authorization: \`Bearer \${c.token}\` });

export const ${c}Client: ProviderClient<${Name}Credentials> = {
  readErrorBody,
  parseProfile,
  async fetchProfile(c, ctx) {
    const response = await getJson({ url: \`\${c.baseUrl}/me\`, headers: auth(c) }, ctx, readErrorBody);
    return fetched(parseProfile, response.body);
  },
  update: {
    bodySchema: updateBody,
    async send(c, changes, _current, ctx) {
      const body = updateBody.parse({ first_name: changes.firstName, last_name: changes.lastName });
      const response = await requestJson(
        { method: 'PATCH', url: \`\${c.baseUrl}/me\`, headers: { ...auth(c), 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
        ctx,
        readErrorBody,
      );
      return fetched(parseProfile, response.body);
    },
  },
};
`,
    },
    {
      path: mockPath,
      content: `import { bearerToken, type FieldErrors, jsonBody, type MockProvider, type MockResponse, nameOf, randomToken, uuid } from './types';

// A mock of ${name}'s API: its users, its auth and its error format. (Scaffolded.)
type User = Record<string, unknown> & { id: string };

const DEMO = [{ token: '${id}_DEMO_token_0000000000000001', user: { id: 'u-1', first_name: 'Grace', last_name: 'Hopper', email: 'grace@example.com' } }];

const error = (status: number, message: string, fieldErrors?: FieldErrors): MockResponse => ({ status, body: { message, fieldErrors } });

export function create${Name}Mock(): MockProvider {
  let accounts: Array<{ token: string; user: User }> = [];
  const reset = () => {
    accounts = DEMO.map((a) => ({ token: a.token, user: structuredClone(a.user) }));
  };
  reset();
  const find = (userId: string) => accounts.find((a) => a.user.id === userId);
  return {
    id: '${id}',
    identify: (req) => accounts.find((a) => a.token === bearerToken(req))?.user.id ?? null,
    error,
    handle(req) {
      if (req.path !== '/me') return error(404, 'No such route');
      const account = accounts.find((a) => a.token === bearerToken(req));
      if (!account) return error(401, 'Invalid token');
      if (req.method === 'GET') return { status: 200, body: account.user };
      if (req.method === 'PATCH') {
        Object.assign(account.user, jsonBody(req) as object);
        return { status: 200, body: account.user };
      }
      return error(405, 'Method not allowed');
    },
    schemaBreakingBody: () => ({ id: 42 }),
    credentialsOf: (userId) => ({ token: find(userId)!.token }),
    userIds: () => accounts.map((a) => a.user.id),
    createUser(overrides = {}) {
      const user = { id: uuid(), first_name: 'Alan', last_name: 'Turing', email: 'alan@example.com', ...overrides } as User;
      accounts.push({ token: randomToken('${id}_', 32), user });
      return user.id;
    },
    userData: (userId) => find(userId)?.user,
    displayNameOf: (userId) => nameOf(find(userId)?.user, 'first_name', 'last_name'),
    reset,
  };
}
`,
    },
    { path: seedPath, content: `${JSON.stringify(seed, null, 2)}\n` },
    {
      path: testPath,
      content: `import { describe, expect, it } from 'vitest';
import { providers } from '../../../../../lib/background/providers';
import seed from '../../../../fixtures/${id}.seed.json';
import { mockContext } from '../../../../support/mock-context';
import { useMockProviders } from '../../../../support/use-mock-providers';

const adapter = providers['${id}'];

describe('${id}', () => {
  const mock = useMockProviders();
  const credentials = () => adapter.credentials.schema.parse(mock.credentials('${id}', mock['${id}'].userIds()[0]!));

  it('normalizes the recorded answer', () => {
    expect(adapter.parseProfile(seed)).toMatchObject({ id: 'u-1', displayName: 'Grace Hopper', email: 'grace@example.com' });
  });

  it('fetches the user over HTTP and edits the name', async () => {
    const { profile } = await adapter.fetchProfile(credentials(), mockContext());
    expect(profile.displayName).toBe('Grace Hopper');
    const saved = await adapter.update!.send(credentials(), { lastName: 'Murray Hopper' }, profile, mockContext());
    expect(saved.profile.lastName).toBe('Murray Hopper');
  });

  it('reads a rejected token', async () => {
    const error = await adapter.fetchProfile({ ...credentials(), token: 'wrong-token' }, mockContext()).catch((e) => e);
    expect(error.info).toMatchObject({ kind: 'unauthorized', providerMessage: 'Invalid token' });
  });
});
`,
    },
  ];

  const edits: PlannedEdit[] = [
    {
      path: 'lib/shared/providers/index.ts',
      apply: (current) =>
        register(current, `import { ${c} } from './${id}';`, 'export const descriptors = {', `  '${id}': register(${c}),`),
    },
    {
      path: 'lib/background/providers/index.ts',
      apply: (current) =>
        register(
          current,
          `import { ${c}Client } from './${id}';`,
          'export const clients: Record<ProviderId, ProviderClient> = {',
          `  '${id}': register(${c}Client),`,
        ),
    },
    {
      path: 'tests/mock-providers/index.ts',
      apply: (current) =>
        register(current, `import { create${Name}Mock } from './${id}';`, '  return {', `    '${id}': create${Name}Mock(),`),
    },
  ];
  return { files, edits };
}

/** The file as Prettier writes it with the project's settings, so the scaffold passes `npm run lint` as made. */
async function formatted(filePath: string, content: string): Promise<string> {
  const options = await prettier.resolveConfig(filePath);
  return prettier.format(content, { ...options, filepath: filePath });
}

async function main() {
  const [id, name] = process.argv.slice(2);
  if (!id) {
    console.error('Usage: npm run new-provider -- <id> ["Display Name"]');
    process.exit(2);
  }
  const { files, edits } = planProvider(id, name ?? pascal(id));
  const existing = files.filter((file) => fs.existsSync(file.path));
  if (existing.length > 0) {
    console.error(`Not made: ${existing.map((f) => f.path).join(', ')} already exist.`);
    process.exit(1);
  }
  for (const file of files) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, await formatted(file.path, file.content));
    console.log(`  created  ${file.path}`);
  }
  for (const edit of edits) {
    fs.writeFileSync(edit.path, await formatted(edit.path, edit.apply(fs.readFileSync(edit.path, 'utf8'))));
    console.log(`  updated  ${edit.path}`);
  }
  console.log(`\nNext: npm run fault-table && npm run typecheck && npm run lint && npx vitest run ${files.at(-1)!.path}`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) await main();
