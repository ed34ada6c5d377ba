import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface BundleSize {
  raw: number;
  gzip: number;
  /** Of which stylesheets (the budgets are on the JavaScript). */
  cssRaw: number;
  cssGzip: number;
  files: string[];
}

/** A chunk and every chunk it imports statically (what loads before it runs; not `import()`). */
function withStaticImports(outDir: string, file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  if (!file.endsWith('.js')) return;
  const code = fs.readFileSync(path.join(outDir, file), 'utf8');
  for (const match of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
    withStaticImports(outDir, path.posix.join(path.posix.dirname(file), match[1]!), seen);
  }
}

/** The JS and CSS an HTML entry loads up front: scripts, their static imports, stylesheets. */
function assetsOf(outDir: string, html: string): string[] {
  const text = fs.readFileSync(path.join(outDir, html), 'utf8');
  const seen = new Set<string>();
  for (const match of text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)) withStaticImports(outDir, match[1]!, seen);
  return [...seen];
}

/** The raw and gzip size of these files of a build. */
export function measure(outDir: string, files: string[]): BundleSize {
  const size = { raw: 0, gzip: 0, cssRaw: 0, cssGzip: 0, files };
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(outDir, file));
    const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
    if (file.endsWith('.css')) {
      size.cssRaw += bytes.length;
      size.cssGzip += gzip;
    } else {
      size.raw += bytes.length;
      size.gzip += gzip;
    }
  }
  return size;
}

/** Sizes of what each part of the built extension loads, raw and gzipped. */
export function bundleSizes(outDir: string): Record<'popup' | 'options' | 'background', BundleSize> {
  return {
    popup: measure(outDir, assetsOf(outDir, 'popup.html')),
    options: measure(outDir, assetsOf(outDir, 'options.html')),
    background: measure(outDir, ['background.js']),
  };
}
