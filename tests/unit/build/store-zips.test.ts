import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicFileProblems, readZipEntry, storeManifestProblems } from '../../build/store-zips';

describe('the store-zip check', () => {
  it('refuses a test build: its name, its version name and its loopback grant', () => {
    const e2e = {
      name: 'Whoami E2E TEST BUILD (not for release)',
      version_name: '0.0.0-e2e-test-build',
      host_permissions: ['http://127.0.0.1/*'],
    };
    expect(storeManifestProblems(e2e)).toEqual([
      'name is "Whoami E2E TEST BUILD (not for release)", not the messages\' "__MSG_extName__"',
      'has a version_name "0.0.0-e2e-test-build"',
      'grants http://127.0.0.1/* at install',
    ]);
    expect(storeManifestProblems({ name: '__MSG_extName__', permissions: ['storage', 'http://localhost/*'] })).toEqual([
      'grants http://localhost/* at install',
    ]);
  });

  it('accepts hosts that stay optional', () => {
    expect(
      storeManifestProblems({
        name: '__MSG_extName__',
        host_permissions: [],
        optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*'],
      }),
    ).toEqual([]);
  });

  it('reads a manifest out of a deflated zip', () => {
    const zip = fs.readFileSync(new URL('../../fixtures/minimal-addon.zip', import.meta.url));
    expect(JSON.parse(readZipEntry(zip, 'manifest.json')!.toString('utf8'))).toMatchObject({ name: 'Whoami', manifest_version: 3 });
    expect(readZipEntry(zip, 'missing.json')).toBeNull();
  });

  it('names each file of public/ the zip lacks or ships changed', () => {
    const zip = fs.readFileSync(new URL('../../fixtures/minimal-addon.zip', import.meta.url));
    const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-public-'));
    try {
      fs.writeFileSync(path.join(publicDir, 'popup.html'), readZipEntry(zip, 'popup.html')!);
      expect(publicFileProblems(zip, publicDir)).toEqual([]);
      fs.writeFileSync(path.join(publicDir, 'manifest.json'), '{}');
      fs.mkdirSync(path.join(publicDir, 'icons'));
      fs.writeFileSync(path.join(publicDir, 'icons', 'logo.svg'), '<svg/>');
      expect(publicFileProblems(zip, publicDir)).toEqual(['lacks public/icons/logo.svg', 'has public/manifest.json changed']);
    } finally {
      fs.rmSync(publicDir, { recursive: true, force: true });
    }
  });
});
