import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'wxt';

// WXT sets NODE_ENV to the mode's name, so the loopback test build (`--mode e2e`) would get
// React's development build: what the tests and the bench run must be what ships.
if (process.env.NODE_ENV === 'e2e' || process.env.NODE_ENV === 'demo') process.env.NODE_ENV = 'production';

// Provider hosts are never granted at install: each account asks for its own origin when it
// is saved. Wacht deployments and user-defined providers live on any https host, hence the
// broad *optional* pattern; the request itself names one origin.
const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

// Extension pages load scripts and styles from the extension only, and images from the
// extension or as data the background handed over (profile pictures): opening the popup or
// options page makes no request to any host. No default-src or connect-src: this policy also
// governs the background (Chrome's service worker, Firefox's event page), whose fetches to the
// providers are the whole point.
const PAGE_CSP =
  "script-src 'self'; object-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'none'; frame-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'";
// `wxt dev` injects styles and talks to its dev server: it gets WXT's own development policy.
const pageCsp = (mode: string) => (mode === 'development' ? undefined : PAGE_CSP);

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/auto-icons', '@wxt-dev/i18n/module'],
  // The toolbar and store icons are drawn from one SVG at build time. It sits in public/, the
  // folder WXT copies into the build as it is, so the extension also ships its own logo at
  // /icon.svg (plain shapes: no script, no link, nothing fetched).
  autoIcons: { baseIconPath: 'public/icon.svg', sizes: [128, 96, 48, 32, 16] },
  imports: false,
  // Extension pages load from disk in browsers that all support modulepreload: no polyfill or
  // preload helper needed in the popup's bundle.
  vite: () => ({
    // The public-suffix library's own minified build: its ES module sources bundle to more than
    // twice the size (the background's tab lookup, lib/background/tab-account.ts).
    resolve: { alias: [{ find: /^tldts-icann$/, replacement: path.resolve('node_modules/tldts-icann/dist/index.esm.min.js') }] },
    build: {
      modulePreload: false,
      sourcemap: process.env.WHOAMI_SOURCEMAP === '1',
    },
  }),
  hooks: {
    // The privacy policy ships inside the extension, as plain text the options page links to.
    // Written at build time beside what public/ holds, from PRIVACY.md (the one copy the README
    // and the stores link to). The byte-order mark tells the browser it is UTF-8 (a .txt comes
    // without a charset).
    'build:publicAssets': (_wxt, assets) => {
      assets.push({ contents: `\uFEFF${fs.readFileSync('PRIVACY.md', 'utf8')}`, relativeDest: 'privacy.txt' });
    },
    // The pages load few, larger chunks: the libraries in one, and each page's own code; the rest
    // (schemas, the editor, error words) on first use — fewer files compress better. The
    // background is one classic script and is left alone.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      // zod and the Public Suffix List stay out of it: the pages load them on first use.
      const codeSplitting = {
        groups: [
          { name: 'vendor', test: /node_modules[\\/](?!zod[\\/]|tldts)/ },
          // What both pages load at once (messaging, the query client, errors, times): one chunk.
          {
            name: 'views',
            test: /lib[\\/](views[\\/](messaging|time|browser-actions|preferences|polling|query[\\/])|shared[\\/](errors|storage|limits|text|messaging[\\/]channels))|components[\\/](ViewActions|hooks[\\/](queries|useNow))/,
          },
        ],
      };
      const rolldownOptions = config.build?.rolldownOptions ?? {};
      const output = Array.isArray(rolldownOptions.output) ? rolldownOptions.output[0] : rolldownOptions.output;
      config.build = { ...config.build, rolldownOptions: { ...rolldownOptions, output: { ...output, codeSplitting } } };
    },
  },
  manifest: ({ browser, manifestVersion, mode }) => ({
    // The test and demo build must never pass for a release: its name and version say what it is.
    name:
      mode === 'e2e'
        ? 'Whoami E2E TEST BUILD (not for release)'
        : mode === 'demo'
          ? 'Whoami DEMO BUILD (not for release)'
          : '__MSG_extName__',
    ...(mode === 'e2e' ? { version_name: '0.0.0-e2e-test-build' } : mode === 'demo' ? { version_name: '0.0.0-demo-build' } : {}),
    ...(pageCsp(mode) ? { content_security_policy: manifestVersion === 3 ? { extension_pages: pageCsp(mode) } : pageCsp(mode) } : {}),
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // `idle`: the passphrase lock closes after the idle time the user picks (no install warning).
    permissions: ['storage', 'alarms', 'cookies', 'activeTab', 'idle'],
    // MV2 (Firefox) has no optional_host_permissions: hosts are optional permissions there.
    // Notifications of profile changes are opt-in: asked for from the click that turns them on.
    ...(manifestVersion === 3
      ? { optional_host_permissions: OPTIONAL_HOSTS, optional_permissions: ['notifications'] }
      : { optional_permissions: [...OPTIONAL_HOSTS, 'notifications'] }),
    // The e2e build talks to the mock providers on loopback; granting that origin up front keeps a
    // headless run from stopping at a permission prompt nobody can click. The demo build serves
    // them under the providers' own https addresses (tests/demo/real-hosts.ts), granted the same way.
    host_permissions: mode === 'e2e' ? ['http://127.0.0.1/*'] : mode === 'demo' ? ['http://127.0.0.1/*', 'https://*/*'] : [],
    // Alt+Shift+U opens the popup: U for user. Neither Chrome nor Firefox uses it (Chrome refuses
    // to assign Alt+Shift+W, the first choice).
    // MV2 (Firefox) names the popup's command after browser_action.
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: { suggested_key: { default: 'Alt+Shift+U' } },
    },
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
