import { bundleSizes } from './bench/sizes';
import path from 'node:path';
const s = bundleSizes(path.resolve('.output/chrome-mv3'));
for (const [k, v] of Object.entries(s)) console.log(k, (v.gzip/1000).toFixed(1), 'kB gzip', (v.raw/1000).toFixed(1), 'raw');
