import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The runtime boundaries, as lint errors. The background owns every secret and every network
// call; the views (popup, options) reach it only through messages; shared code is the model and
// the protocol both sides speak. tests/unit/build/boundaries.test.ts proves each rule fires.
const BACKGROUND = {
  regex: '(^|/)background(/|$)',
  message: 'Views and shared code never import the background: send it a message (lib/views/messaging.ts).',
};
const VIEWS = { regex: '(^|/)(views|components)(/|$)', message: 'Background and shared code never import view code.' };
const REACT = { regex: '^(react|react-dom)(/|$)|^@tanstack/', message: 'Only the views render: no React or React Query here.' };
const ZOD = {
  regex: '^zod(/|$)',
  message: 'Import zod from lib/shared/zod.ts: it is configured there (no eval) before any schema exists.',
};
const BROWSER_IN_COMPONENTS = {
  regex: '^(wxt/browser|webextension-polyfill|@wxt-dev/browser)$',
  message: 'Components stay pure: browser calls go through lib/views (ViewActions, messaging).',
};

// Each page's components are its own; what both pages use sits at the top of components/.
const OPTIONS_PAGE = { regex: '(^|/)options/', message: 'Popup components never import the options page: share it from components/.' };
const POPUP_PAGE = { regex: '(^|/)popup/', message: 'Options components never import the popup: share it from components/.' };

const COMPONENT_GLOBALS = [
  'error',
  { name: 'fetch', message: 'Components make no requests: the background does.' },
  { name: 'XMLHttpRequest', message: 'Components make no requests: the background does.' },
  { name: 'chrome', message: 'Components stay pure: browser calls go through lib/views.' },
  { name: 'browser', message: 'Components stay pure: browser calls go through lib/views.' },
];

export const boundaries = [
  {
    // The views: no background code, whatever the path.
    files: ['components/**/*.{ts,tsx}', 'entrypoints/popup/**/*.{ts,tsx}', 'entrypoints/options/**/*.{ts,tsx}', 'lib/views/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BACKGROUND, ZOD] }] },
  },
  {
    // Components: no browser APIs and no network of their own.
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BACKGROUND, BROWSER_IN_COMPONENTS, ZOD] }],
      'no-restricted-globals': COMPONENT_GLOBALS,
    },
  },
  {
    files: ['components/popup/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BACKGROUND, BROWSER_IN_COMPONENTS, ZOD, OPTIONS_PAGE] }] },
  },
  {
    files: ['components/options/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BACKGROUND, BROWSER_IN_COMPONENTS, ZOD, POPUP_PAGE] }] },
  },
  {
    // The background: no React, no views.
    files: ['lib/background/**/*.ts', 'entrypoints/background.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [VIEWS, REACT, ZOD] }] },
  },
  {
    // Shared: neither side's code, no React.
    files: ['lib/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BACKGROUND, VIEWS, REACT, ZOD] }] },
  },
  {
    // The one way in to zod (and the deferred builders it is made of).
    files: ['lib/shared/zod.ts', 'lib/shared/zod-deferred.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [BACKGROUND, VIEWS, REACT] }] },
  },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '.scratch/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A promise nobody awaits must say so (`void`), and never hide in a place that ignores it.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...boundaries,
  {
    // The test-only attacker extension is plain browser JavaScript.
    files: ['tests/e2e/attacker-extension/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker, chrome: 'readonly' } },
  },
  {
    // Command-line tools talk to their user on stdout.
    files: ['tests/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Nothing in the extension may evaluate strings as code (store policy, CSP).
    files: ['lib/**/*.ts', 'components/**/*.tsx', 'entrypoints/**/*.{ts,tsx}'],
    rules: { 'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error' },
  },
  // Formatting is Prettier's (`prettier --check` in `npm run lint`): no style rules here.
  prettier,
);
