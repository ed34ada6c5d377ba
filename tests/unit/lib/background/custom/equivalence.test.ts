import { describe, expect, it } from 'vitest';
import { adapterFromDefinition } from '../../../../../lib/background/custom/client';
import { definitionSchema } from '../../../../../lib/shared/custom/definition';
import type { Profile } from '../../../../../lib/shared/profile';
import { providers } from '../../../../../lib/background/providers';
import chakraDefinition from '../../../../fixtures/definitions/chakra.json';
import insightoDefinition from '../../../../fixtures/definitions/insighto.json';
import leadpingDefinition from '../../../../fixtures/definitions/leadping.json';
import wachtDefinition from '../../../../fixtures/definitions/wacht.json';
import chakraSeed from '../../../../fixtures/chakra.seed.json';
import insightoSeed from '../../../../fixtures/insighto.seed.json';
import leadpingSeed from '../../../../fixtures/leadping.seed.json';
import wachtSeed from '../../../../fixtures/wacht.seed.json';
import { useMockProviders } from '../../../../support/use-mock-providers';
import { mockContext, signedInWachtContext } from '../../../../support/mock-context';

// Proof of generality: declarative definitions of the four built-in providers give the same
// normalized profiles as the hand-written adapters, on the seeds and over HTTP.
const cases = [
  { id: 'insighto', definition: insightoDefinition, seed: insightoSeed },
  { id: 'wacht', definition: wachtDefinition, seed: wachtSeed },
  { id: 'leadping', definition: leadpingDefinition, seed: leadpingSeed },
  { id: 'chakra', definition: chakraDefinition, seed: chakraSeed },
] as const;

const withoutProvider = ({ provider: _provider, ...profile }: Profile) => profile;

const mock = useMockProviders();

describe.each(cases)('the $id definition', ({ id, definition, seed }) => {
  const builtIn = providers[id];
  const custom = adapterFromDefinition(definitionSchema.parse(definition));

  it('is a valid definition', () => {
    expect(definitionSchema.safeParse(definition).success).toBe(true);
  });

  it('normalizes the seed exactly like the built-in adapter', () => {
    expect(withoutProvider(custom.parseProfile(seed))).toEqual(withoutProvider(builtIn.parseProfile(seed)));
  });

  it('fetches every mock user exactly like the built-in adapter', async () => {
    for (const userId of mock[id].userIds()) {
      const credentials = mock.credentials(id, userId);
      const ctx = id === 'wacht' ? await signedInWachtContext(mock, userId) : mockContext();
      const expected = await builtIn.fetchProfile(builtIn.credentials.schema.parse(credentials), ctx);
      const actual = await custom.fetchProfile(
        custom.credentials.schema.parse({ baseUrl: credentials.baseUrl ?? credentials.deploymentUrl, ...credentials }),
        ctx,
      );
      expect(withoutProvider(actual.profile)).toEqual(withoutProvider(expected.profile));
      // The same secret-free raw answer (Wacht's session stamp changes on every call).
      const stable = (raw: unknown) => ({ ...(raw as object), session: undefined });
      expect(stable(actual.raw)).toEqual(stable(expected.raw));
    }
  });

  it('maps errors to the same kinds', async () => {
    const userId = mock[id].userIds()[0]!;
    const credentials = mock.credentials(id, userId);
    for (const kind of ['401', '403', '404', '422', '429', '500', 'html-login', 'oversized'] as const) {
      mock.clearFaults();
      mock.addFault({ provider: id, kind });
      const ctx = { ...(id === 'wacht' ? await signedInWachtContext(mock, userId) : mockContext()) };
      const builtInError = await builtIn.fetchProfile(builtIn.credentials.schema.parse(credentials), ctx).catch((e) => e.info.kind);
      const customError = await custom
        .fetchProfile(custom.credentials.schema.parse({ baseUrl: credentials.baseUrl ?? credentials.deploymentUrl, ...credentials }), ctx)
        .catch((e) => e.info.kind);
      expect(customError, kind).toBe(builtInError);
    }
  });
});
