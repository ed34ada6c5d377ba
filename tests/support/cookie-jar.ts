/**
 * A minimal browser-like cookie jar for Node tests: it sends what the mock set and keeps what
 * it rotates, as Chromium does for a `credentials: 'include'` fetch. Cookies ignore ports.
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

  store(url: string, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
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
    const response = await fetch(input, { ...init, headers });
    if (include) this.store(url, response);
    return response;
  };

  readonly hasCookie = async (url: string, name: string): Promise<boolean> => this.get(url, name) !== undefined;
}

/** Signs in on the mock Wacht's sign-in form, as a user would, and keeps the session cookie. */
export async function signInToWacht(jar: CookieJar, deploymentUrl: string, username: string, password: string) {
  const response = await fetch(`${deploymentUrl}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`sign-in failed with ${response.status}`);
  jar.store(deploymentUrl, response);
}
