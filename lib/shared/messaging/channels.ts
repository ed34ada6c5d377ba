// Which way a request travels, in a module of its own: views import it for a value, and must
// not pull the request schemas into their bundles with it.

/**
 * Requests that may carry a secret the user just typed. They travel over a port to the
 * background alone: `runtime.sendMessage` from a page also reaches every other open Whoami page.
 */
export const CREDENTIAL_REQUESTS: ReadonlySet<string> = new Set([
  'addAccount',
  'updateAccount',
  'testCredentials',
  'tryDefinition',
  'turnOnLock',
  'unlock',
  'changePassphrase',
  'turnOffLock',
]);
export const CREDENTIAL_PORT = 'whoami-credentials';
