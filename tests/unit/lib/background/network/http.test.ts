import { describe, expect, it } from 'vitest';
import { getJson, parseRetryAfter, requestJson } from '../../../../../lib/background/network/http';
import { jsonResponse, recordingFetch } from '../../../../support/recording-fetch';

const noErrorBody = () => null;
const URL_ = 'https://api.example.com/me';

function failWith(error: unknown) {
  return (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('resolved'),
      (e) => expect(e.info).toMatchObject(error as object),
    );
}

describe('requestJson', () => {
  it('answers status, headers and parsed JSON, accepting +json types', async () => {
    const { fetch } = recordingFetch(() => jsonResponse({ a: 1 }, { headers: { 'content-type': 'application/problem+json' } }));
    const response = await requestJson({ method: 'GET', url: URL_ }, { fetch }, noErrorBody);
    expect(response.body).toEqual({ a: 1 });
  });

  it('reports an HTML page with status 200 as signed out, not as a parse error', async () => {
    const { fetch } = recordingFetch(
      () => new Response('<!doctype html><form>Sign in</form>', { headers: { 'content-type': 'text/html' } }),
    );
    await failWith({ kind: 'signed-out', status: 200 })(requestJson({ method: 'GET', url: URL_ }, { fetch }, noErrorBody));
  });

  it('spots an HTML page even when it claims to be JSON', async () => {
    const { fetch } = recordingFetch(
      () => new Response('<html><body>login</body></html>', { headers: { 'content-type': 'application/json' } }),
    );
    await failWith({ kind: 'signed-out' })(requestJson({ method: 'GET', url: URL_ }, { fetch }, noErrorBody));
  });

  it('refuses other content types and broken JSON with the reason', async () => {
    const plain = recordingFetch(() => new Response('hello', { headers: { 'content-type': 'text/plain' } }));
    await failWith({ kind: 'invalid-response', detail: 'expected JSON, got text/plain' })(
      requestJson({ method: 'GET', url: URL_ }, { fetch: plain.fetch }, noErrorBody),
    );
    const broken = recordingFetch(() => new Response('{"a":', { headers: { 'content-type': 'application/json' } }));
    await failWith({ kind: 'invalid-response', detail: 'the body is not valid JSON' })(
      requestJson({ method: 'GET', url: URL_ }, { fetch: broken.fetch }, noErrorBody),
    );
  });

  it('never follows a redirect: it is reported as a sign-in page', async () => {
    const { fetch, requests } = recordingFetch(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/login' } }),
    );
    await failWith({ kind: 'signed-out', status: 302 })(requestJson({ method: 'GET', url: URL_ }, { fetch }, noErrorBody));
    expect(requests).toHaveLength(1);
    expect(requests[0]!.redirect).toBe('manual');
  });

  it('caps the body size by Content-Length and while streaming', async () => {
    const declared = recordingFetch(() => jsonResponse({}, { headers: { 'content-length': '5000000' } }));
    await failWith({ kind: 'invalid-response', detail: 'the response is larger than 1000 kB' })(
      requestJson({ method: 'GET', url: URL_ }, { fetch: declared.fetch }, noErrorBody),
    );
    const streamed = recordingFetch(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100)));
              controller.close();
            },
          }),
          { headers: { 'content-type': 'application/json' } },
        ),
    );
    await failWith({ kind: 'invalid-response', detail: 'the response is larger than 1 kB' })(
      requestJson({ method: 'GET', url: URL_, maxBytes: 1000 }, { fetch: streamed.fetch }, noErrorBody),
    );
  });

  it('times out a hung request', async () => {
    const hang = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    await failWith({ kind: 'timeout', detail: 'no answer within 50 ms' })(
      requestJson({ method: 'GET', url: URL_, timeoutMs: 50 }, { fetch: hang }, noErrorBody),
    );
  });

  it('maps statuses to kinds and keeps the provider message and Retry-After', async () => {
    const cases: Array<[number, string]> = [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
      [405, 'unsupported'],
      [422, 'validation'],
      [429, 'rate-limited'],
      [503, 'server'],
    ];
    for (const [status, kind] of cases) {
      const { fetch } = recordingFetch(() => jsonResponse({ detail: 'nope' }, { status, headers: { 'retry-after': '12' } }));
      await failWith({ kind, status, providerMessage: 'nope', retryAfterSec: 12 })(
        requestJson({ method: 'POST', url: URL_ }, { fetch }, (body) => ({ message: (body as { detail: string }).detail })),
      );
    }
  });

  it('never retries a write', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse({}, { status: 503 }));
    await failWith({ kind: 'server' })(requestJson({ method: 'PUT', url: URL_ }, { fetch }, noErrorBody));
    expect(requests).toHaveLength(1);
  });
});

describe('getJson retries', () => {
  it('retries 5xx with growing backoff, three attempts in all', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse({}, { status: 502 }));
    const waits: number[] = [];
    await failWith({ kind: 'server', status: 502 })(
      getJson({ url: URL_ }, { fetch, sleep: async (ms) => void waits.push(ms) }, noErrorBody),
    );
    expect(requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(200);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('succeeds after a transient failure', async () => {
    let calls = 0;
    const { fetch } = recordingFetch(() => (++calls === 1 ? jsonResponse({}, { status: 500 }) : jsonResponse({ ok: true })));
    const response = await getJson({ url: URL_ }, { fetch, sleep: async () => undefined }, noErrorBody);
    expect(response.body).toEqual({ ok: true });
  });

  it('does not wait out a long Retry-After: the user is told instead', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse({}, { status: 429, headers: { 'retry-after': '60' } }));
    await failWith({ kind: 'rate-limited', retryAfterSec: 60 })(
      getJson({ url: URL_ }, { fetch, sleep: async () => undefined }, noErrorBody),
    );
    expect(requests).toHaveLength(1);
  });

  it('does not retry 4xx answers', async () => {
    const { fetch, requests } = recordingFetch(() => jsonResponse({}, { status: 401 }));
    await failWith({ kind: 'unauthorized' })(getJson({ url: URL_ }, { fetch, sleep: async () => undefined }, noErrorBody));
    expect(requests).toHaveLength(1);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
