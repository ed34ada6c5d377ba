import { defineConfig } from 'wxt';

// Provider hosts are never granted at install: each account asks for its own origin when it
// is saved. Wacht deployments and user-defined providers live on any https host, hence the
// broad *optional* pattern; the request itself names one origin.
const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false,
  // Extension pages load from disk in browsers that all support modulepreload: no polyfill or
  // preload helper needed in the popup's bundle.
  vite: () => ({ build: { modulePreload: false } }),
  manifest: ({ browser, manifestVersion, mode }) => ({
    name: 'Whoami',
    description: 'See who you are signed in as on your SaaS APIs, right from the toolbar.',
    permissions: ['storage', 'alarms', 'cookies'],
    // MV2 (Firefox) has no optional_host_permissions: hosts are optional permissions there.
    ...(manifestVersion === 3 ? { optional_host_permissions: OPTIONAL_HOSTS } : { optional_permissions: OPTIONAL_HOSTS }),
    // The e2e and demo builds talk to the mock providers on loopback; granting that origin up
    // front keeps a headless run from stopping at a permission prompt nobody can click.
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : [],
    action: { default_title: 'Whoami' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'whoami@whoami.dev',
              // data_collection_permissions needs 140 on desktop and 142 on Android.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
