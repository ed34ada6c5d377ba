import http from 'node:http';

/**
 * A minimal browser-like cookie jar for tests: it sends what the mock set and keeps what it
 * rotates, as Chromium does for a `credentials: 'include'` fetch. Cookies ignore ports.
 *
 * Its fetch speaks HTTP through node:http rather than the global fetch: under happy-dom the
 * global is the page's own, which hides Set-Cookie and drops a Cookie header.
 */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();

  get(url: string, name: string): string | undefined {
    return this.cookies.get(new URL(url).hostname)?.get(name);
  }

  set(url: string, name: string, value: string): void {
    const host = new URL(url).hostname;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    if (value === '') jar.delete(name);
    else jar.set(name, value);
    this.cookies.set(host, jar);
  }

  header(url: string): string {
    const jar = this.cookies.get(new URL(url).hostname);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  storeSetCookies(url: string, lines: string[]): void {
    for (const line of lines) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      this.set(url, name, expired ? '' : pair.slice(index + 1).trim());
    }
  }

  /** A fetch that behaves like the browser's for `credentials: 'include'` and `'omit'`. */
  readonly fetch: typeof fetch = async (input, init = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init.headers);
    const include = init.credentials === 'include';
    if (include && this.header(url)) headers.set('cookie', this.header(url));
    let body: Buffer | undefined;
    if (init.body !== undefined && init.body !== null) {
      // Encoded as fetch would: a form as multipart with its boundary, a search as urlencoded…
      const encoded = new Request(url, { method: 'POST', body: init.body });
      body = Buffer.from(await encoded.arrayBuffer());
      if (!headers.has('content-type') && encoded.headers.get('content-type'))
        headers.set('content-type', encoded.headers.get('content-type')!);
    }
    const { status, rawHeaders, setCookies, payload } = await nodeRequest(url, init.method ?? 'GET', headers, body, init.signal);
    if (include) this.storeSetCookies(url, setCookies);
    const nullBody = status === 204 || status === 205 || status === 304;
    return new Response(nullBody ? null : new Uint8Array(payload), { status, headers: rawHeaders });
  };

  readonly hasCookie = async (url: string, name: string): Promise<boolean> => this.get(url, name) !== undefined;
}

function nodeRequest(url: string, method: string, headers: Headers, body: Buffer | undefined, signal?: AbortSignal | null) {
  return new Promise<{ status: number; rawHeaders: Headers; setCookies: string[]; payload: Buffer }>((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
    const request = http.request(url, { method, headers: Object.fromEntries(headers) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const rawHeaders = new Headers();
        for (const [key, value] of Object.entries(response.headers)) {
          if (key === 'set-cookie' || value === undefined) continue;
          rawHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
        }
        resolve({
          status: response.statusCode ?? 0,
          rawHeaders,
          setCookies: response.headers['set-cookie'] ?? [],
          payload: Buffer.concat(chunks),
        });
      });
    });
    signal?.addEventListener('abort', () => request.destroy(new DOMException('aborted', 'AbortError')));
    request.on('error', (error) => reject(error instanceof DOMException ? error : new TypeError('fetch failed', { cause: error })));
    request.end(body);
  });
}

/** Signs in on the mock Wacht's sign-in form, as a user would, and keeps the session cookie. */
export async function signInToWacht(jar: CookieJar, deploymentUrl: string, username: string, password: string) {
  const response = await jar.fetch(`${deploymentUrl}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    credentials: 'include',
  });
  if (response.status !== 303) throw new Error(`sign-in failed with ${response.status}`);
}
