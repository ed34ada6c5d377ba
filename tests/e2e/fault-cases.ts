import type { FaultKind } from '../mock-providers/faults';
import type { ProviderName } from './helpers';

/**
 * The fault matrix: every fault the mock providers inject, what the popup must say about it,
 * and whether the user is offered an action. The e2e suite runs each case for each provider,
 * and `npm run fault-table` renders this list as the table in docs/fault-matrix.md.
 */
export interface FaultCase {
  fault: FaultKind | 'offline';
  /** The message the popup shows, for a provider with this display name and host. */
  message: (provider: { name: string; host: string; id: ProviderName }) => RegExp;
  action: string | null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const faultCases: FaultCase[] = [
  {
    fault: '401',
    message: (p) => (p.id === 'wacht' ? new RegExp(`^Signed out of Wacht — sign in at ${escape(p.host)}$`) : /^Key rejected — update it in Options$/),
    action: 'Open Options / Sign in',
  },
  { fault: '403', message: (p) => new RegExp(`^Access denied — these credentials can't read your ${escape(p.name)} profile$`), action: 'Open Options' },
  { fault: '404', message: () => /^Not found — check the account settings in Options$/, action: 'Open Options' },
  { fault: '422', message: (p) => new RegExp(`^${escape(p.name)} refused the request \\(HTTP 422\\)$`), action: null },
  { fault: '429', message: () => /^Rate limited, retrying in (29|30) s$/, action: null },
  { fault: '500', message: (p) => new RegExp(`^${escape(p.name)} is having trouble \\(HTTP 500\\)$`), action: 'Try again' },
  { fault: 'hang', message: (p) => new RegExp(`^${escape(p.host)} didn't answer in time$`), action: 'Try again' },
  { fault: 'reset', message: (p) => new RegExp(`^Can't reach ${escape(p.host)}$`), action: 'Try again' },
  { fault: 'offline', message: (p) => new RegExp(`^Can't reach ${escape(p.host)}$`), action: 'Try again' },
  {
    fault: 'html-login',
    message: (p) =>
      p.id === 'wacht'
        ? new RegExp(`^Signed out of Wacht — sign in at ${escape(p.host)}$`)
        : new RegExp(`^${escape(p.name)} sent a sign-in page instead of your profile — check the settings$`),
    action: 'Open Options / Sign in',
  },
  { fault: 'bad-schema', message: (p) => new RegExp(`^${escape(p.name)} sent an answer Whoami can't read$`), action: 'Try again' },
  { fault: 'oversized', message: (p) => new RegExp(`^${escape(p.name)} sent an answer Whoami can't read$`), action: 'Try again' },
];
