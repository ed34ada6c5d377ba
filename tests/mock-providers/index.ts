import { createAcmeMock } from './acme';
import { createChakraMock } from './chakra';
import { createInsightoMock } from './insighto';
import { createLeadpingMock } from './leadping';
import { createWachtMock } from './wacht';
import { createGitHubMock } from './github';
import { createSlackMock } from './slack';

/**
 * One mock per built-in provider, by the provider's id — a test checks every registered
 * provider has one (`npm run new-provider` adds it) — plus Acme, an API Whoami has no adapter
 * for, which user-defined providers are tried against, and GitHub and Slack, two gallery entries.
 */
export function createMocks() {
  return {
    insighto: createInsightoMock(),
    wacht: createWachtMock(),
    leadping: createLeadpingMock(),
    chakra: createChakraMock(),
    acme: createAcmeMock(),
    github: createGitHubMock(),
    slack: createSlackMock(),
  };
}

export type Mocks = ReturnType<typeof createMocks>;
