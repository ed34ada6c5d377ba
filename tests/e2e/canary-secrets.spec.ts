import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockProviders, type MockProviders } from '../mock-providers/server';
import { CREDENTIAL_REQUESTS } from '../../lib/shared/messaging/channels';
import { galleryEntriesFromDisk } from '../support/gallery';
import { expect, test } from './fixtures';
import { accountForm, fillAccountForm, PROVIDER_NAMES, send, signInToWacht, type ProviderName } from './helpers';

/**
 * The canary suite: fresh random secrets for every built-in provider and for user-defined ones
 * with header, query and cookie auth, through a full session — add, test, refresh, edit, every
 * error path including a provider echoing the key, export, import, definition edit, attempts to
 * send a key elsewhere. Then every place a secret must never be is searched for every secret.
 */

const fixture = (name: string) => JSON.parse(fs.readFileSync(`tests/fixtures/definitions/${name}.json`, 'utf8'));
const acme = fixture('acme');
const queryDefinition = fixture('insighto');
const cookieDefinition = fixture('wacht');

type Canary = { name: string; value: string; provider: string; accountLabel: string | null };

// Whoami's own pages record every message they send, the answer to it, and every event they
// hear, before any of its code runs.
function recordMessages() {
  const runtime = (
    globalThis as {
      chrome?: {
        runtime?: {
          sendMessage?: (...args: unknown[]) => unknown;
          connect?: (...args: unknown[]) => unknown;
          onMessage?: { addListener(l: (m: unknown) => void): void };
        };
      };
    }
  ).chrome?.runtime;
  const record = (kind: string, value: unknown) =>
    (globalThis as { __whoamiRecord?: (text: string) => void }).__whoamiRecord?.(`${kind} ${JSON.stringify(value)}`);
  if (!runtime?.sendMessage || !runtime.onMessage || !runtime.connect) return;
  const connect = runtime.connect.bind(runtime);
  runtime.connect = (...args: unknown[]) => {
    const port = connect(...args) as { postMessage(m: unknown): void; onMessage: { addListener(l: (m: unknown) => void): void } };
    const post = port.postMessage.bind(port);
    port.postMessage = (message: unknown) => {
      record('port-request', message);
      post(message);
    };
    port.onMessage.addListener((message) => {
      record('port-reply', message);
    });
    return port;
  };
  const original = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (...args: unknown[]) => {
    record('request', args[0]);
    const last = args.at(-1);
    if (typeof last === 'function') {
      return original(...args.slice(0, -1), (reply: unknown) => {
        record('reply', reply);
        (last as (reply: unknown) => void)(reply);
      });
    }
    return (original(...args) as Promise<unknown>).then((reply) => {
      record('reply', reply);
      return reply;
    });
  };
  // Returns nothing: a listener that answers (even with a promise) would answer other pages' requests.
  runtime.onMessage.addListener((message) => {
    record('event', message);
  });
}

/** Every recorded request's own text: where it went, its headers and its body. */
const requestText = (r: MockProviders['requests'][number]) => JSON.stringify({ url: r.url, headers: r.headers, body: r.body });

test('canary secrets: planted in every kind of account, found nowhere they must not be', async ({
  context,
  mock,
  openOptions,
  openPopup,
  serviceWorker,
}) => {
  test.setTimeout(150_000);
  const elsewhere = await createMockProviders();
  const consoleLines: string[] = [];
  const messages: string[] = [];
  const downloads: Record<string, string> = {};
  const snapshots: Record<string, string> = {};
  context.on('console', (message) => consoleLines.push(message.text()));
  await context.exposeBinding('__whoamiRecord', (_source, text: string) => void messages.push(text));
  await context.addInitScript(recordMessages);

  try {
    // ---- fresh secrets, every run
    const users = {
      insighto: mock.insighto.createUser({ first_name: 'Canary', last_name: 'Insighto' }),
      leadping: mock.leadping.createUser({ firstName: 'Canary', lastName: 'Leadping', name: 'Canary Leadping' }),
      chakra: mock.chakra.createUser({ firstName: 'Canary', lastName: 'Chakra' }),
      acme: mock.acme.createUser({ given_name: 'Canary', family_name: 'Acme' }),
      query: mock.insighto.createUser({ first_name: 'Canary', last_name: 'Query' }),
      github: mock.github.createUser({ name: 'Canary GitHub', login: 'canary' }),
      basic: mock.acme.createUser({ given_name: 'Canary', family_name: 'Basic' }),
      body: mock.acme.createUser({ given_name: 'Canary', family_name: 'Body' }),
    };
    await signInToWacht(context, mock);
    const session = (await context.cookies(mock.url)).find((c) => c.name === '__session')!.value;
    const canaries: Canary[] = [
      {
        name: 'Insighto API key',
        value: mock.credentials('insighto', users.insighto).apiKey!,
        provider: 'insighto',
        accountLabel: 'Insighto (work)',
      },
      {
        name: 'Leadping token',
        value: mock.credentials('leadping', users.leadping).token!,
        provider: 'leadping',
        accountLabel: 'Leadping (work)',
      },
      {
        name: 'ChakraHQ token',
        value: mock.credentials('chakra', users.chakra).token!,
        provider: 'chakra',
        accountLabel: 'ChakraHQ (work)',
      },
      {
        name: 'header-auth key (user-defined)',
        value: mock.credentials('acme', users.acme).apiKey!,
        provider: 'acme',
        accountLabel: 'Header API',
      },
      {
        name: 'query-auth key (user-defined)',
        value: mock.credentials('insighto', users.query).apiKey!,
        provider: 'insighto',
        accountLabel: 'Query API',
      },
      {
        name: 'GitHub token (ready provider: bearer beside constant headers)',
        value: mock.credentials('github', users.github).token!,
        provider: 'github',
        accountLabel: 'GitHub',
      },
      {
        name: 'Basic-auth key (user-defined, HTTP Basic password)',
        value: mock.credentials('acme', users.basic).apiKey!,
        provider: 'acme',
        accountLabel: 'Basic API',
      },
      {
        name: 'JSON-body read key (user-defined, POST read with a constant header)',
        value: mock.credentials('acme', users.body).apiKey!,
        provider: 'acme',
        accountLabel: 'Body API',
      },
      { name: 'Wacht session cookie (built-in and cookie-auth)', value: session, provider: 'wacht', accountLabel: null },
      // Secrets the provider itself puts in its answer: scrubbed before anything reads them.
      { name: 'Wacht TOTP secret', value: 'JBSWY3DPEHPK3PXPMOCKTOTPSECRET', provider: 'none', accountLabel: null },
      { name: 'Wacht backup code', value: '9f3a-72bc-mock', provider: 'none', accountLabel: null },
    ];

    // ---- add and test the built-ins through the options page, typing each secret
    const options = await openOptions();
    for (const provider of ['insighto', 'leadping', 'chakra', 'wacht'] as ProviderName[]) {
      await fillAccountForm(options, mock, provider, provider === 'wacht' ? {} : { userId: users[provider as 'insighto'] });
      await accountForm(options).getByRole('button', { name: 'Test connection' }).click();
      await expect(options.getByRole('status').filter({ hasText: 'Connected as' })).toBeVisible();
      await accountForm(options).getByRole('button', { name: 'Save' }).click();
      await expect(options.getByText(`Saved “${PROVIDER_NAMES[provider]} (work)”.`)).toBeVisible();
    }

    // ---- user-defined providers with header, query and cookie auth, imported from a file
    const definitions = [
      { ...acme, id: 'header-api', name: 'Header API', baseUrl: mock.baseUrl('acme') },
      { ...queryDefinition, id: 'query-api', name: 'Query API', baseUrl: mock.baseUrl('insighto') },
      { ...cookieDefinition, id: 'cookie-api', name: 'Cookie API', baseUrl: mock.baseUrl('wacht') },
      {
        ...acme,
        id: 'basic-api',
        name: 'Basic API',
        baseUrl: mock.baseUrl('acme'),
        fields: [
          { name: 'email', label: 'Email', secret: false },
          { name: 'apiKey', label: 'API key', secret: true },
        ],
        auth: { type: 'basic', username: '{email}', password: '{apiKey}' },
      },
      {
        ...acme,
        id: 'body-api',
        name: 'Body API',
        baseUrl: mock.baseUrl('acme'),
        method: 'POST',
        body: JSON.stringify({ query: '{ me { uid } }' }),
        headers: [{ name: 'X-Client', value: 'whoami-canary' }],
      },
    ];
    const definitionsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-canary-')), 'providers.json');
    fs.writeFileSync(definitionsFile, JSON.stringify({ format: 'whoami-provider-definitions', version: 1, definitions }));
    await options.locator('.providers-section input[type=file]').setInputFiles(definitionsFile);
    await options
      .getByRole('region', { name: /Import providers from/ })
      .getByRole('button', { name: 'Import', exact: true })
      .click();
    await expect(options.getByText('Imported 5 provider definition(s).', { exact: false })).toBeVisible();
    const customAccounts = [
      await send(options, 'addAccount', {
        provider: 'custom:header-api',
        label: 'Header API',
        credentials: { baseUrl: mock.baseUrl('acme'), apiKey: canaries[3]!.value },
      }),
      await send(options, 'addAccount', {
        provider: 'custom:query-api',
        label: 'Query API',
        credentials: { baseUrl: mock.baseUrl('insighto'), apiKey: canaries[4]!.value },
      }),
      await send(options, 'addAccount', {
        provider: 'custom:cookie-api',
        label: 'Cookie API',
        credentials: { baseUrl: mock.baseUrl('wacht'), useBrowserSession: 'true' },
      }),
      await send(options, 'addAccount', {
        provider: 'custom:basic-api',
        label: 'Basic API',
        credentials: { baseUrl: mock.baseUrl('acme'), email: 'canary@acme.example', apiKey: mock.credentials('acme', users.basic).apiKey! },
      }),
      await send(options, 'addAccount', {
        provider: 'custom:body-api',
        label: 'Body API',
        credentials: { baseUrl: mock.baseUrl('acme'), apiKey: mock.credentials('acme', users.body).apiKey! },
      }),
    ];
    const github = (await galleryEntriesFromDisk()).find((entry) => entry.definition.id === 'gallery-github')!.definition;
    await send(options, 'tryDefinition', {
      definition: github as never,
      credentials: { baseUrl: mock.baseUrl('github'), token: mock.credentials('github', users.github).token! },
    });
    await send(options, 'saveDefinition', { definition: github as never });
    customAccounts.push(
      await send(options, 'addAccount', {
        provider: 'custom:gallery-github',
        label: 'GitHub',
        credentials: { baseUrl: mock.baseUrl('github'), token: mock.credentials('github', users.github).token! },
      }),
    );
    await send(options, 'tryDefinition', {
      definition: definitions[1] as never,
      credentials: { baseUrl: mock.baseUrl('insighto'), apiKey: canaries[4]!.value },
    });
    const accounts = (await send(options, 'listAccounts', {})).accounts;
    expect(accounts).toHaveLength(4 + customAccounts.length);
    await send(options, 'refresh', {});
    // Sync on (issue 27): every account and definition is in storage.sync, searched below like the rest.
    const synced = await send(options, 'setSync', { on: true });
    expect(synced.items).toBeGreaterThanOrEqual(accounts.length);

    // ---- the popup shows each account, raw answer open
    const popup = await openPopup();
    for (const account of accounts) {
      await popup.getByRole('combobox', { name: 'Account' }).selectOption(account.id);
      await expect(popup.getByRole('combobox', { name: 'Account' })).toHaveValue(account.id);
      await expect(popup.locator('.card, .empty').first()).toBeVisible();
      await popup
        .getByText('Raw response')
        .click()
        .catch(() => undefined);
      snapshots[`popup: ${account.label}`] = await popup.content();
    }

    // ---- edits, one per editable account, one through the popup itself
    const byLabel = (label: string) => accounts.find((a) => a.label === label)!;
    await popup.getByRole('combobox', { name: 'Account' }).selectOption(byLabel('Insighto (work)').id);
    await popup.getByRole('button', { name: 'Edit profile' }).click();
    await popup.getByLabel('Phone', { exact: true }).fill('+1 555 0100');
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect(popup.getByText('Saved.')).toBeVisible();
    const edits: Array<[string, Record<string, string>]> = [
      ['Leadping (work)', { phone: '+1 555 0101' }],
      ['ChakraHQ (work)', { lastName: 'Chakra II' }],
      ['Wacht (work)', { firstName: 'Linus B' }],
      ['Header API', { lastName: 'Acme II' }],
      ['Query API', { lastName: 'Query II' }],
    ];
    for (const [label, changes] of edits) {
      await send(popup, 'updateProfile', { accountId: byLabel(label).id, editId: crypto.randomUUID(), changes });
    }

    // ---- every error path, the provider repeating the key back first
    for (const account of accounts) {
      const provider = account.provider.startsWith('custom:')
        ? {
            'custom:header-api': 'acme',
            'custom:query-api': 'insighto',
            'custom:cookie-api': 'wacht',
            'custom:gallery-github': 'github',
            'custom:basic-api': 'acme',
            'custom:body-api': 'acme',
          }[account.provider]!
        : account.provider;
      for (const kind of ['echo-key', 'echo-key-long', '401', '403', '404', '500', 'html-login', 'bad-schema'] as const) {
        mock.addFault({ provider, kind, times: 1 });
        await send(popup, 'refresh', { accountId: account.id });
      }
      mock.addFault({ provider, kind: '422', methods: ['PUT', 'PATCH', 'POST'], times: 1 });
      if (account.editableFields.length > 0) {
        await send(popup, 'updateProfile', {
          accountId: account.id,
          editId: crypto.randomUUID(),
          changes: { [account.editableFields[0]!.name]: 'Rejected' },
        }).catch(() => undefined);
      }
      mock.clearFaults();
      snapshots[`popup after errors: ${account.label}`] = await popup.content();
    }
    // ---- the key at the end of a long profile field, where cutting the field to its 500
    // characters would keep three quarters of it: redacted before anything is cut
    const straddling = (secret: string) => `${'A'.repeat(500 - Math.ceil((secret.length * 3) / 4))}${secret}`;
    Object.assign(mock.leadping.userData(users.leadping)!, { name: straddling(canaries[1]!.value) });
    Object.assign(mock.insighto.userData(users.insighto)!, { first_name: straddling(canaries[0]!.value) });
    await send(popup, 'refresh', {});
    mock.addFault({ provider: 'leadping', kind: 'echo-key', times: 1 });
    await send(options, 'testCredentials', { provider: 'leadping', credentials: mock.credentials('leadping', users.leadping) }).catch(
      () => undefined,
    );
    await send(popup, 'refresh', {});

    // ---- attempts to send a saved key elsewhere: refused before anything is sent
    const leadping = byLabel('Leadping (work)');
    for (const attempt of [
      () =>
        send(options, 'testCredentials', {
          provider: 'leadping',
          accountId: leadping.id,
          credentials: { baseUrl: elsewhere.baseUrl('leadping'), authStyle: 'bearer', token: '' },
        }),
      () =>
        send(options, 'updateAccount', {
          id: leadping.id,
          credentials: { baseUrl: elsewhere.baseUrl('leadping'), authStyle: 'bearer', token: '' },
        }),
      () =>
        send(options, 'testCredentials', {
          provider: 'custom:header-api',
          accountId: byLabel('Header API').id,
          credentials: { baseUrl: elsewhere.baseUrl('acme'), apiKey: '' },
        }),
    ]) {
      await expect(attempt()).rejects.toThrow(/Type the .* again/);
    }

    // ---- definition edits: a change is saved, making the key visible is refused
    await send(options, 'saveDefinition', { definition: { ...definitions[0]!, name: 'Header API v2' } as never });
    await expect(
      send(options, 'saveDefinition', {
        definition: { ...definitions[0]!, fields: [{ name: 'apiKey', label: 'API key', secret: false }], auth: { type: 'none' } } as never,
      }),
    ).rejects.toThrow(/secret/);

    // ---- export, then import that file again (the preview, then completing one account)
    await options.reload();
    const [accountsDownload] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export accounts' }).click(),
    ]);
    downloads['accounts export'] = fs.readFileSync(await accountsDownload.path(), 'utf8');
    const [providersDownload] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export providers' }).click(),
    ]);
    downloads['providers export'] = fs.readFileSync(await providersDownload.path(), 'utf8');
    await options.locator('.data-section input[type=file]').setInputFiles(await accountsDownload.path());
    await options
      .getByRole('region', { name: /Import from/ })
      .getByRole('button', { name: /^Import \d+ accounts?$/ })
      .click();
    await expect(options.getByText(/need their key or token: enter it below/)).toBeVisible();
    snapshots['options: completing an import'] = await options.content();
    await accountForm(options).getByRole('button', { name: 'Cancel' }).click();
    for (const account of accounts) {
      await options
        .getByRole('button', { name: `Edit ${account.label}` })
        .first()
        .click();
      snapshots[`options: editing ${account.label}`] = await options.content();
      await accountForm(options).getByRole('button', { name: 'Cancel' }).click();
    }
    snapshots['options'] = await options.content();
    snapshots['popup'] = await popup.content();

    // ---- search
    // The popup's cache is written a moment after its last change; the profile on screen is in it.
    await expect
      .poll(() => serviceWorker.evaluate(async () => String((await chrome.storage.local.get('whoami-query-cache'))['whoami-query-cache'])))
      .toContain('Canary');
    const stored = await serviceWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(),
      session: await chrome.storage.session.get(),
      sync: await chrome.storage.sync.get(),
    }));
    const places: Record<string, string> = {};
    for (const [key, value] of Object.entries(stored.local)) {
      if (key !== 'accounts') places[`storage.local "${key}"`] = JSON.stringify(value);
    }
    // The account list: each account's own credential slot is the one place its secret lives.
    const storedAccounts = stored.local.accounts as Array<{ label: string; secrets: Record<string, string> }>;
    for (const account of storedAccounts) {
      const { secrets, ...rest } = account;
      places[`storage.local "accounts": "${account.label}" outside its secrets`] = JSON.stringify(rest);
      for (const canary of canaries) {
        if (canary.accountLabel !== account.label)
          places[`storage.local "accounts": "${account.label}" secrets, for ${canary.name}`] = JSON.stringify(secrets);
      }
    }
    places['storage.session'] = JSON.stringify(stored.session);
    places['storage.sync'] = JSON.stringify(stored.sync);
    expect(Object.keys(stored.sync).length).toBeGreaterThan(0);
    places['persisted query cache'] = String(stored.local['whoami-query-cache']);
    // The one way a secret may cross between a page and the background: the user's own typed
    // value, sent over the credentials port to the background (and nowhere else). Counted, not searched.
    const typedOverPort = messages.filter((m) => m.startsWith('port-request ') && CREDENTIAL_REQUESTS.has(JSON.parse(m.slice(13)).type));
    messages.forEach((message, index) => {
      if (!typedOverPort.includes(message)) places[`message ${index + 1}`] = message;
    });
    for (const [name, html] of Object.entries(snapshots)) places[`DOM, ${name}`] = html;
    places['console'] = consoleLines.join('\n');
    for (const [name, text] of Object.entries(downloads)) places[`download: ${name}`] = text;
    for (const [index, request] of elsewhere.requests.entries()) places[`request ${index + 1} to another origin`] = requestText(request);
    // Same origin, another provider: each request carries only its own provider's secrets.
    const foreign = (provider: string) => (canary: Canary) => canary.provider !== provider && canary.provider !== 'none';

    // A key cut short still gives itself away: its middle (past a JWT's common header) is searched too.
    const middleOf = (value: string) => value.slice(Math.floor(value.length / 2) - 6, Math.floor(value.length / 2) + 6);
    const hits: string[] = [];
    for (const [place, text] of Object.entries(places)) {
      for (const canary of canaries) {
        const searched = place.includes(' secrets, for ') ? place.endsWith(`for ${canary.name}`) : true;
        if (searched && (text.includes(canary.value) || text.includes(middleOf(canary.value))))
          hits.push(`${canary.name} in ${place}${place.startsWith('message') ? `: ${text.slice(0, 140)}` : ''}`);
      }
    }
    let providerRequests = 0;
    for (const request of mock.requests) {
      providerRequests++;
      for (const canary of canaries.filter(foreign(request.provider))) {
        if (requestText(request).includes(canary.value))
          hits.push(`${canary.name} sent to ${request.provider} (${request.method} ${request.path})`);
      }
    }

    const summary = {
      secretsPlanted: canaries.length,
      placesSearched: Object.keys(places).length + providerRequests,
      messagesRecorded: messages.length,
      typedSecretsToBackground: typedOverPort.length,
      domSnapshots: Object.keys(snapshots).length,
      requestsToOtherOrigin: elsewhere.requests.length,
      hits: hits.length,
    };
    console.log(`canary suite: ${JSON.stringify(summary)}`);
    await test
      .info()
      .attach('canary-summary.json', { body: JSON.stringify({ ...summary, hitList: hits }, null, 2), contentType: 'application/json' });

    // The search itself can find things: the session was really recorded and stored.
    expect(messages.length).toBeGreaterThan(50);
    expect(places['persisted query cache']).toContain('Canary');
    expect(JSON.stringify(storedAccounts)).toContain(canaries[0]!.value);
    expect(elsewhere.requests).toEqual([]);
    expect(hits).toEqual([]);
  } finally {
    await elsewhere.close();
  }
});
