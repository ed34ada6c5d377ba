import type { FaultKind } from '../mock-providers/faults';
import type { ProviderName } from './helpers';

/**
 * The fault matrix: every fault the mock providers inject, what the popup must say about it,
 * and the action it offers. The e2e suite runs each case for each provider, and
 * `npm run fault-table` renders this list as docs/fault-matrix.md.
 */
interface ProviderFacts {
  name: string;
  host: string;
  id: ProviderName;
}

export interface FaultCase {
  fault: FaultKind | 'offline';
  /** The popup's message, exactly. */
  message: (p: ProviderFacts) => string;
  /** The button next to it, if any. */
  action: (p: ProviderFacts) => string | null;
}

const signedOut = (p: ProviderFacts) => `Signed out of Wacht — sign in at ${p.host}`;
// A refused token's fix is a new one: the button opens the account's edit form (issue 26).
const updateOrSignIn = (p: ProviderFacts) => (p.id === 'wacht' ? `Sign in at ${p.host}` : 'Update token');
const refused = (p: ProviderFacts) => (p.id === 'wacht' ? signedOut(p) : `${p.name} refused your token`);

export const faultCases: FaultCase[] = [
  {
    fault: '401',
    message: refused,
    action: updateOrSignIn,
  },
  {
    // The provider repeats the rejected key (or session) back in its message: shown redacted.
    fault: 'echo-key',
    message: refused,
    action: updateOrSignIn,
  },
  { fault: '403', message: (p) => `Access denied — these credentials can't read your ${p.name} profile`, action: () => 'Open Options' },
  { fault: '404', message: () => 'Not found — check the account settings in Options', action: () => 'Open Options' },
  { fault: '422', message: (p) => `${p.name} refused the request (HTTP 422)`, action: () => null },
  { fault: '429', message: () => 'Rate limited — retrying in 30 seconds', action: () => null },
  { fault: '500', message: (p) => `${p.name} is having trouble (HTTP 500)`, action: () => 'Try again' },
  { fault: 'hang', message: (p) => `${p.host} didn't answer in time`, action: () => 'Try again' },
  { fault: 'reset', message: (p) => `Can't reach ${p.host}`, action: () => 'Try again' },
  { fault: 'offline', message: (p) => `Can't reach ${p.host}`, action: () => 'Try again' },
  {
    fault: 'html-login',
    message: (p) => (p.id === 'wacht' ? signedOut(p) : `${p.name} sent a sign-in page instead of your profile — check the settings`),
    action: (p) => (p.id === 'wacht' ? `Sign in at ${p.host}` : 'Open Options'),
  },
  { fault: 'bad-schema', message: (p) => `${p.name} sent an answer Whoami can't read`, action: () => 'Try again' },
  { fault: 'oversized', message: (p) => `${p.name} sent an answer Whoami can't read`, action: () => 'Try again' },
];
