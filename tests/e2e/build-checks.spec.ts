import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// Store-readiness of the production builds (made by `npm run test:e2e` before this suite).
const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join('.output', dir, 'manifest.json'), 'utf8'));
const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
const PAGE_CSP =
  "script-src 'self'; object-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'none'; frame-src 'none'; font-src 'self'; base-uri 'none'; form-action 'none'";

test('the Chrome manifest asks only for what is used; provider hosts stay optional', () => {
  const { version: _version, ...manifest } = readManifest('chrome-mv3');
  expect(manifest).toEqual({
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png', 96: 'icons/96.png', 128: 'icons/128.png' },
    permissions: ['storage', 'alarms', 'cookies', 'activeTab', 'idle'],
    optional_host_permissions: OPTIONAL_HOSTS,
    optional_permissions: ['notifications'],
    host_permissions: [],
    action: { default_title: '__MSG_extName__', default_popup: 'popup.html' },
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+U' } } },
    background: { service_worker: 'background.js' },
    options_ui: { open_in_tab: true, page: 'options.html' },
    content_security_policy: { extension_pages: PAGE_CSP },
  });
});

test('only the e2e/demo build grants loopback up front, and it says it is a test build', () => {
  const { host_permissions, name, version, version_name, ...rest } = readManifest('chrome-mv3-e2e');
  const { host_permissions: productionHosts, name: productionName, version: _v, ...production } = readManifest('chrome-mv3');
  expect(host_permissions).toEqual(['http://127.0.0.1/*']);
  expect(name).toBe('Whoami E2E TEST BUILD (not for release)');
  expect([version, version_name]).toEqual(['0.0.0', '0.0.0-e2e-test-build']);
  expect(productionHosts).toEqual([]);
  expect(productionName).toBe('__MSG_extName__');
  expect(rest).toEqual(production);
});

test('name and description come from the messages, in English and German', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    for (const [locale, name, description] of [
      ['en', 'Whoami', 'See who you are signed in as'],
      ['de', 'Whoami', 'Sieh direkt in der Symbolleiste'],
    ] as const) {
      const messages = JSON.parse(fs.readFileSync(path.join('.output', dir, '_locales', locale, 'messages.json'), 'utf8'));
      expect(messages.extName.message).toBe(name);
      expect(messages.extDescription.message).toContain(description);
    }
  }
});

test('the Firefox manifest keeps hosts optional and declares its data collection', () => {
  const manifest = readManifest('firefox-mv2');
  expect(manifest.commands).toEqual({ _execute_browser_action: { suggested_key: { default: 'Alt+Shift+U' } } });
  expect(manifest.permissions).toEqual(['storage', 'alarms', 'cookies', 'activeTab', 'idle']);
  expect(manifest.optional_permissions).toEqual([...OPTIONAL_HOSTS, 'notifications']);
  expect(manifest.browser_specific_settings.gecko).toMatchObject({
    id: 'whoami@whoami.dev',
    data_collection_permissions: { required: ['none'] },
  });
});

test('extension pages: no unsafe-eval, no remote script, images only from the extension or data', () => {
  for (const dir of ['chrome-mv3', 'firefox-mv2']) {
    const manifest = readManifest(dir);
    const csp = manifest.content_security_policy;
    expect(typeof csp === 'string' ? csp : csp.extension_pages).toBe(PAGE_CSP);
    expect(JSON.stringify(csp)).not.toMatch(/unsafe-eval|https?:/);
    for (const page of ['popup.html', 'options.html']) {
      const html = fs.readFileSync(path.join('.output', dir, page), 'utf8');
      for (const src of html.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(src[1]).toMatch(/^\/chunks\//);
      expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/); // no inline script
    }
  }
});

test('web-ext lint finds no errors in the Firefox build', () => {
  const output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const report = JSON.parse(output.slice(output.indexOf('{')));
  expect(report.errors).toEqual([]);
  // The remaining warnings are React DOM's own innerHTML support, which Whoami never uses.
  for (const warning of report.warnings) expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
});
