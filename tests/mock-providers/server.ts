// Shared code reads its messages: Node needs a stand-in for the browser's i18n API, loaded first.
import '../support/node-i18n';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { avatarPng } from './avatar';
import { createMocks, type Mocks } from './index';
import { descriptors, isProviderId } from '../../lib/shared/providers';
import { type Fault, type FaultRule, faultFromRequest, takeFault } from './faults';
import { basicPassword, type MockProvider, type MockRequest, type MockResponse } from './types';
import type { WachtMock } from './wacht';

interface RecordedRequest {
  provider: string;
  method: string;
  path: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  userId: string | null;
  at: number;
}

/** The mocks (by provider id: see ./index.ts), on one server, with faults, latency and logs. */
export interface MockProviders extends Mocks {
  url: string;
  port: number;
  /** The provider's base URL on this server ("http://127.0.0.1:4100/leadping"). */
  baseUrl(provider: string): string;
  /** What the extension needs to connect a user: base URL plus the provider's own fields. */
  credentials(provider: string, userId: string): Record<string, string>;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** Delay every answer (of one provider, or all) by `ms`. */
  setLatency(ms: number, provider?: string): void;
  requests: RecordedRequest[];
  /** Requests for profile pictures, with their headers (to check no cookie or referrer went along). */
  pictureRequests: Array<{ path: string; headers: Record<string, string | string[] | undefined> }>;
  stats: { inFlight: number; peakInFlight: number; total: number };
  resetStats(): void;
  /** Back to the demo users, no faults, no latency, no hung requests, empty logs. */
  reset(): void;
  close(): Promise<void>;
}

const OVERSIZED_BYTES = 2_500_000;

function parseCookies(headerValue: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (headerValue ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) out[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return out;
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const LOGIN_PAGE = `<!doctype html><html><head><title>Sign in</title></head><body>
<form action="/login" method="post"><h1>Please sign in</h1><input name="email"><input name="password" type="password">
<button>Sign in</button></form></body></html>`;

/** The credential a request carried, wherever the provider takes it. */
function sentCredential(req: MockRequest): string {
  const auth = req.headers.authorization;
  const bearer = /^Bearer\s+(\S+)$/i.exec(Array.isArray(auth) ? (auth[0] ?? '') : (auth ?? ''))?.[1];
  const header = req.headers['x-leadping-api-key'] ?? req.headers['x-api-key'];
  return (
    req.url.searchParams.get('api_key') ??
    bearer ??
    (Array.isArray(header) ? header[0] : header) ??
    basicPassword(req) ??
    req.cookies.__session ??
    ''
  );
}

function faultResponse(provider: MockProvider, fault: Fault, req: MockRequest): MockResponse | null {
  switch (fault.kind) {
    case 'echo-key': {
      // A careless provider repeats the rejected key back, in its message and its own fields.
      const key = sentCredential(req);
      const response = provider.error(401, `Invalid api_key ${key}`);
      const body =
        response.body && typeof response.body === 'object' ? { ...response.body, received: { key, url: req.url.href } } : response.body;
      return { ...response, body };
    }
    case 'echo-key-long': {
      const key = sentCredential(req);
      return provider.error(401, `${'x'.repeat(Math.max(0, 300 - Math.ceil((key.length * 3) / 4)))}${key}`);
    }
    case '401':
      return provider.error(401, 'The credentials were rejected (injected fault).');
    case '403':
      return provider.error(403, 'Not allowed to read this profile (injected fault).');
    case '404':
      return provider.error(404, 'Not found (injected fault).');
    case '422':
      return provider.error(422, 'Validation failed (injected fault).', {
        first_name: ['First name is not acceptable (injected fault).'],
        phone: ['Phone is not a valid phone number (injected fault).'],
      });
    case '429': {
      const seconds = fault.retryAfterSec ?? 30;
      const response = provider.error(429, `Too many requests; retry in ${seconds} seconds (injected fault).`);
      return { ...response, headers: { ...response.headers, 'retry-after': String(seconds) } };
    }
    case '500':
      return provider.error(500, 'Internal server error (injected fault).');
    case '503': {
      const response = provider.error(503, 'Down for maintenance (injected fault).');
      if (fault.retryAfterSec === undefined) return response;
      return { ...response, headers: { ...response.headers, 'retry-after': String(fault.retryAfterSec) } };
    }
    case 'html-login':
      return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, raw: LOGIN_PAGE };
    case 'bad-schema':
      return { status: 200, body: provider.schemaBreakingBody() };
    case 'oversized':
      return { status: 200, body: { padding: 'x'.repeat(OVERSIZED_BYTES), data: null } };
    default:
      return null; // hang, slow and reset are about timing, handled by the server
  }
}

function send(res: http.ServerResponse, response: MockResponse): void {
  const headers: Record<string, string | string[]> = { 'cache-control': 'no-store', ...response.headers };
  let payload: string | Buffer = '';
  if (response.raw !== undefined) payload = response.raw;
  else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

export async function createMockProviders(options: { port?: number; host?: string } = {}): Promise<MockProviders> {
  const host = options.host ?? '127.0.0.1';
  const mocks = createMocks();
  const byId = new Map<string, MockProvider>(Object.entries(mocks));
  const faults: FaultRule[] = [];
  const latency = new Map<string, number>();
  const hanging = new Set<http.ServerResponse>();
  const requests: RecordedRequest[] = [];
  const pictureRequests: MockProviders['pictureRequests'] = [];
  const stats = { inFlight: 0, peakInFlight: 0, total: 0 };
  let url = '';

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  async function handleProvider(provider: MockProvider, req: http.IncomingMessage, res: http.ServerResponse, full: URL) {
    const prefix = `/${provider.id}`;
    const request: MockRequest = {
      method: req.method ?? 'GET',
      url: full,
      path: full.pathname.slice(prefix.length) || '/',
      headers: req.headers,
      cookies: parseCookies(req.headers.cookie),
      body: await readBody(req),
      baseUrl: `${url}${prefix}`,
    };
    const userId = provider.identify(request);
    requests.push({
      provider: provider.id,
      method: request.method,
      path: request.path,
      url: full.href,
      headers: req.headers,
      body: request.body.toString('utf8'),
      userId,
      at: Date.now(),
    });
    const faultable = provider.faultable?.(request) ?? true;
    const fault = faultable ? (faultFromRequest(full, req.headers) ?? takeFault(faults, provider.id, userId, request.method)) : null;
    const delay = (latency.get(provider.id) ?? latency.get('*') ?? 0) + (fault?.kind === 'slow' ? (fault.ms ?? 2000) : 0);
    if (delay > 0) await sleep(delay);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    send(res, (fault && faultResponse(provider, fault, request)) ?? (await provider.handle(request)));
  }

  function admin(path: string, method: string, body: string): MockResponse {
    const input = body ? (JSON.parse(body) as Record<string, unknown>) : {};
    if (path === '/state' && method === 'GET') {
      return {
        status: 200,
        body: {
          url,
          stats,
          faults,
          providers: Object.fromEntries(
            [...byId.values()].map((p) => [
              p.id,
              {
                baseUrl: api.baseUrl(p.id),
                users: p.userIds().map((id) => ({
                  id,
                  credentials: api.credentials(p.id, id),
                  signIn: 'signInOf' in p ? (p as WachtMock).signInOf(id) : undefined,
                })),
              },
            ]),
          ),
        },
      };
    }
    if (path === '/requests' && method === 'GET') return { status: 200, body: requests };
    if (path === '/faults' && method === 'POST') {
      api.addFault(input as unknown as FaultRule);
      return { status: 204 };
    }
    if (path === '/faults' && method === 'DELETE') {
      api.clearFaults();
      return { status: 204 };
    }
    if (path === '/latency' && method === 'POST') {
      api.setLatency(Number(input.ms ?? 0), input.provider as string | undefined);
      return { status: 204 };
    }
    if (path === '/users' && method === 'POST') {
      const provider = byId.get(String(input.provider));
      if (!provider) return { status: 404, body: { error: 'unknown provider' } };
      const id = provider.createUser((input.overrides as Record<string, unknown>) ?? {});
      return { status: 201, body: { id, credentials: api.credentials(provider.id, id) } };
    }
    if (path === '/reset' && method === 'POST') {
      api.reset();
      return { status: 204 };
    }
    return { status: 404, body: { error: `no admin route ${method} ${path}` } };
  }

  const server = http.createServer((req, res) => {
    const full = new URL(req.url ?? '/', url || `http://${host}`);
    const [, first] = full.pathname.split('/');
    const provider = byId.get(first ?? '');
    stats.total += 1;
    stats.inFlight += 1;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    let done = false;
    const finished = () => {
      if (!done) stats.inFlight -= 1;
      done = true;
    };
    res.on('finish', finished);
    res.on('close', finished);
    const work = async () => {
      if (provider) return handleProvider(provider, req, res, full);
      if (first === '__mock')
        return send(res, admin(full.pathname.slice('/__mock'.length), req.method ?? 'GET', (await readBody(req)).toString()));
      const avatar = /^\/avatars\/([\w.-]+)\.png$/.exec(full.pathname);
      if (avatar) {
        pictureRequests.push({ path: full.pathname, headers: req.headers });
        return send(res, { status: 200, headers: { 'content-type': 'image/png' }, raw: avatarPng(avatar[1]!) });
      }
      send(res, { status: 404, body: { error: 'not a mock provider path', providers: [...byId.keys()] } });
    };
    work().catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: String(error) } });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  url = `http://${host}:${port}`;

  const api: MockProviders = {
    url,
    port,
    ...mocks,
    baseUrl: (provider) => `${url}/${provider}`,
    credentials(provider, userId) {
      const mock = byId.get(provider);
      if (!mock) throw new Error(`unknown mock provider ${provider}`);
      // The provider's own name for where it is served ("deploymentUrl" for Wacht).
      const base = (isProviderId(provider) && descriptors[provider].credentials.fields.find((f) => f.kind === 'url')?.name) || 'baseUrl';
      return { [base]: api.baseUrl(provider), ...mock.credentialsOf(userId) };
    },
    addFault: (rule) => faults.push({ ...rule }),
    clearFaults: () => faults.splice(0),
    setLatency(ms, provider = '*') {
      latency.set(provider, ms);
    },
    requests,
    pictureRequests,
    stats,
    resetStats() {
      stats.peakInFlight = stats.inFlight;
      stats.total = 0;
    },
    reset() {
      for (const res of hanging) res.destroy();
      for (const mock of byId.values()) mock.reset();
      faults.splice(0);
      latency.clear();
      requests.splice(0);
      pictureRequests.splice(0);
      api.resetStats();
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return api;
}
