import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

/**
 * A provider's official API description served by Stoplight Prism (`prism mock -d --errors`):
 * dynamic answers generated from its schemas, and a 4xx for any request that breaks it (a
 * missing required header, a security scheme not met, a body that doesn't match). In front of
 * it, a recorder that keeps every request as sent and can strip the description's server path
 * (`/api/1.0` for Asana), and can ask Prism for one documented answer (`Prefer: code=401`).
 */
export interface PrismProvider {
  /** The base URL an account points at. */
  url: string;
  requests: Array<{ method: string; path: string; headers: http.IncomingHttpHeaders; body: string; status: number }>;
  /** The status Prism should answer with next (one of the operation's documented ones), or null for 200. */
  prefer: number | null;
  close(): Promise<void>;
}

const PRISM = path.resolve('node_modules/.bin/prism');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function startPrism(file: string, errors: boolean): Promise<{ port: number; child: ChildProcess }> {
  const port = await freePort();
  const args = ['mock', '-d', ...(errors ? ['--errors'] : []), '-h', '127.0.0.1', '-p', String(port), file];
  const child = spawn(PRISM, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Prism did not start for ${file}:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`Prism exited (${code}) for ${file}:\n${output}`)));
  });
  return { port, child };
}

/** What a test changes in a request before Prism sees it, where a description is known to differ from its provider (said in the test). */
export type Rewrite = (request: { path: string; headers: http.IncomingHttpHeaders }) => { path: string; headers: http.IncomingHttpHeaders };

export async function prismProvider(
  file: string,
  {
    stripPrefix = '',
    rewrite,
    answersBreakFormats = false,
  }: {
    stripPrefix?: string;
    rewrite?: Rewrite;
    /**
     * The description declares string formats Prism's generator can't meet ("url"): with
     * `--errors` it refuses its own answers. Run without it, and refuse a request that breaks the
     * description here, from the violations Prism reports (`sl-violations`), as `--errors` would.
     */
    answersBreakFormats?: boolean;
  } = {},
): Promise<PrismProvider> {
  const prism = await startPrism(file, !answersBreakFormats);
  const provider: PrismProvider = { url: '', requests: [], prefer: null, close: async () => undefined };
  const recorder = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const stripped = stripPrefix && req.url!.startsWith(stripPrefix) ? req.url!.slice(stripPrefix.length) : req.url!;
      const rewritten = rewrite ? rewrite({ path: stripped, headers: { ...req.headers } }) : { path: stripped, headers: req.headers };
      const forwardedPath = rewritten.path;
      const headers = { ...rewritten.headers, host: `127.0.0.1:${prism.port}` };
      if (provider.prefer !== null) Object.assign(headers, { prefer: `code=${provider.prefer}` });
      const forward = http.request({ host: '127.0.0.1', port: prism.port, method: req.method, path: forwardedPath, headers }, (answer) => {
        const violations = JSON.parse(String(answer.headers['sl-violations'] ?? '[]')) as Array<{ location: string[]; message: string }>;
        const refused = violations.filter((violation) => violation.location[0] === 'request');
        if (answersBreakFormats && refused.length > 0) {
          provider.requests.push({ method: req.method!, path: req.url!, headers: req.headers, body, status: 422 });
          answer.resume();
          res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ violations: refused }));
          return;
        }
        provider.requests.push({ method: req.method!, path: req.url!, headers: req.headers, body, status: answer.statusCode! });
        res.writeHead(answer.statusCode!, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', (error) => res.destroy(error));
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve));
  provider.url = `http://127.0.0.1:${(recorder.address() as net.AddressInfo).port}`;
  provider.close = async () => {
    prism.child.kill();
    await new Promise<void>((resolve) => recorder.close(() => resolve()));
  };
  return provider;
}
