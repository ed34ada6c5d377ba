import { createMockProviders } from './server';

// `npm run mock-providers -- --port 4100`: the four mock providers for manual runs and the demo.
const portArg = process.argv.indexOf('--port');
const port = portArg === -1 ? 0 : Number(process.argv[portArg + 1]);

const mock = await createMockProviders({ port });
console.log(`Mock providers listening on ${mock.url}`);
for (const provider of ['insighto', 'wacht', 'leadping', 'chakra'] as const) {
  console.log(`\n${provider}: ${mock.baseUrl(provider)}`);
  for (const id of mock[provider].userIds()) {
    const signIn =
      provider === 'wacht' ? ` (sign in at ${mock.baseUrl('wacht')}/sign-in as ${JSON.stringify(mock.wacht.signInOf(id))})` : '';
    console.log(`  ${id}  ${JSON.stringify(mock.credentials(provider, id))}${signIn}`);
  }
}
console.log(`\nAdmin: GET ${mock.url}/__mock/state · POST /__mock/faults {provider, kind, userId?, times?} · POST /__mock/reset`);

const stop = async () => {
  await mock.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
