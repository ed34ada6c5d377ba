import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { MockProviders } from '../mock-providers/server';

/**
 * The demo's mock providers under the providers' own addresses (https://api.leadping.ai, …), so
 * the pictures show what a user sees: one HTTPS front on loopback with a throwaway self-signed
 * certificate, which the demo's Chromium reaches through its host-resolver rules and accepts
 * with --ignore-certificate-errors. The front passes each request to the mock provider behind
 * it and writes the mock's loopback addresses in answers back as the real ones.
 */
export interface RealHosts {
  /** The provider's real address for each mock provider ("https://api.leadping.ai"). */
  baseUrl(provider: string): string;
  /** Chromium flags: every demo host resolved to the front, its certificate accepted. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

function selfSignedCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoami-demo-tls-'));
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  // prettier-ignore
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=Whoami demo',
    '-addext', `subjectAltName=${hosts.map((host) => `DNS:${host}`).join(',')}`], { stdio: 'ignore' });
  const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

/** `realBases`: each mock provider's real base address, by the mock's name for it. */
export async function serveUnderRealHosts(mock: MockProviders, realBases: Record<string, string>): Promise<RealHosts> {
  const routes = Object.entries(realBases).map(([provider, base]) => ({ provider, real: new URL(base), mockBase: mock.baseUrl(provider) }));
  const hosts = [...new Set(routes.map((route) => route.real.host))];
  // Longest first: the mock's root (pictures) must not swallow a provider's own addresses.
  const rewrites = [...routes.map((route) => [route.mockBase, route.real.href.replace(/\/$/, '')] as const)].sort(
    (a, b) => b[0].length - a[0].length,
  );
  const toReal = (text: string, host: string) =>
    rewrites.reduce((out, [from, to]) => out.replaceAll(from, to), text).replaceAll(mock.url, `https://${host}`);

  const server = https.createServer(selfSignedCertificate(hosts), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes
      .filter((r) => r.real.hostname === host && (req.url ?? '/').startsWith(r.real.pathname.replace(/\/$/, '')))
      .sort((a, b) => b.real.pathname.length - a.real.pathname.length)[0];
    const rest = route ? (req.url ?? '/').slice(route.real.pathname.replace(/\/$/, '').length) : (req.url ?? '/');
    const target = new URL(route ? `${route.mockBase}${rest}` : `${mock.url}${rest}`);
    const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (answer) => {
      const headers = { ...answer.headers };
      if (typeof headers.location === 'string') headers.location = toReal(headers.location, host);
      const textual = /json|text|html/.test(String(headers['content-type'] ?? ''));
      if (!textual) {
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = toReal(Buffer.concat(chunks).toString('utf8'), host);
        delete headers['content-length'];
        res.writeHead(answer.statusCode ?? 502, headers);
        res.end(body);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: (provider) => realBases[provider]!,
    chromiumArgs: [
      `--host-resolver-rules=${hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
