import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The design card's top level: one guess finds the thing. A rename or removal of any of these is
// a change to the card first. (That public/ reaches the store zips is checked on the built zips
// by `npm run check:store-zips`.)
const TOP_LEVEL = {
  'package.json': 'file',
  'tsconfig.json': 'file',
  'wxt.config.ts': 'file',
  entrypoints: 'directory',
  components: 'directory',
  lib: 'directory',
  public: 'directory',
  tests: 'directory',
  'README.md': 'file',
} as const;

const kindOf = (entry: string) => {
  if (!fs.existsSync(entry)) return 'missing';
  const stat = fs.statSync(entry);
  return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
};

/** Every file under `dir`, relative to it (none when it is missing: the kind check says so). */
const filesUnder = (dir: string) =>
  kindOf(dir) !== 'directory'
    ? []
    : fs
        .readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((entry) => fs.statSync(path.join(dir, entry)).isFile())
        .sort();

describe("the design card's top level", () => {
  it.each(Object.entries(TOP_LEVEL))('%s is a %s', (entry, kind) => {
    expect(kindOf(entry)).toBe(kind);
  });

  it('public/ holds what ships as it is', () => {
    expect(filesUnder('public')).not.toEqual([]);
  });

  // Whatever sits in public/ is packaged and served from the extension's origin: an SVG there
  // must be a picture, not a document that runs or fetches anything.
  it.each(filesUnder('public').filter((file) => file.endsWith('.svg')))('public/%s is only a picture', (file) => {
    const svg = fs.readFileSync(path.join('public', file), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|<foreignObject|<iframe|<embed|<object|\son\w+\s*=|javascript:|@import|url\(\s*['"]?(?!#)/i);
    // The only links are to its own parts (a gradient's #id), never to a file or a host.
    for (const [, href] of svg.matchAll(/\b(?:xlink:)?href\s*=\s*["']([^"']*)["']/g)) expect(href).toMatch(/^#/);
  });
});
