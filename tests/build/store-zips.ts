import fs from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * What would make a store package unfit to upload: a test build's name, or a host the browser
 * grants at install (the e2e/demo build grants loopback so its headless runs never stop at a
 * prompt). Optional hosts are fine: each is asked for from the user's click.
 */
export function storeManifestProblems(manifest: Record<string, unknown>): string[] {
  const problems: string[] = [];
  // The release name comes from the messages (each says "Whoami"); a test build's is written out.
  if (manifest.name !== '__MSG_extName__') problems.push(`name is "${String(manifest.name)}", not the messages' "__MSG_extName__"`);
  if (manifest.version_name !== undefined) problems.push(`has a version_name "${String(manifest.version_name)}"`);
  const granted = [
    ...((manifest.host_permissions as string[] | undefined) ?? []),
    // MV2 lists hosts among its required permissions.
    ...((manifest.permissions as string[] | undefined) ?? []).filter((p) => p.includes('://') || p === '<all_urls>'),
  ];
  for (const host of granted) problems.push(`grants ${host} at install`);
  return problems;
}

/** Reads one file out of a zip (stored or deflated), through the central directory. */
export function readZipEntry(zip: Buffer, name: string): Buffer | null {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const entryName = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (entryName === name) {
      const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

/** public/ is WXT's folder of files shipped as they are: each must be in the zip, unchanged. */
export function publicFileProblems(zip: Buffer, publicDir = 'public'): string[] {
  const problems: string[] = [];
  for (const file of fs.readdirSync(publicDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const source = path.join(publicDir, file);
    if (!fs.statSync(source).isFile()) continue;
    const name = file.split(path.sep).join('/');
    const shipped = readZipEntry(zip, name);
    if (!shipped) problems.push(`lacks public/${name}`);
    else if (!shipped.equals(fs.readFileSync(source))) problems.push(`has public/${name} changed`);
  }
  return problems;
}

/** Checks every store zip `npm run zip` / `zip:firefox` made; exits non-zero on any problem. */
function main() {
  const zips = fs.readdirSync('.output').filter((file) => file.endsWith('.zip') && !file.includes('-sources'));
  if (zips.length < 2) {
    console.error(`Expected the Chrome and Firefox store zips in .output/, found: ${zips.join(', ') || 'none'}`);
    process.exit(1);
  }
  let failed = false;
  for (const zip of zips) {
    const contents = fs.readFileSync(path.join('.output', zip));
    const manifest = readZipEntry(contents, 'manifest.json');
    const problems = [
      ...(manifest ? storeManifestProblems(JSON.parse(manifest.toString('utf8'))) : ['has no manifest.json']),
      ...publicFileProblems(contents),
    ];
    console.log(`${zip}: ${problems.length === 0 ? 'ok' : problems.join('; ')}`);
    failed ||= problems.length > 0;
  }
  if (failed) process.exit(1);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();
