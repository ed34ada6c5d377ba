import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMockProviders, type MockProviders } from '../mock-providers/server';

/**
 * One mock-provider server for a test file, reset before each test together with the fake
 * browser. The returned object stands for the server once the file has started.
 */
export function useMockProviders(): MockProviders {
  let mock: MockProviders | undefined;
  beforeAll(async () => {
    mock = await createMockProviders();
  });
  afterAll(() => mock?.close());
  beforeEach(() => {
    fakeBrowser.reset();
    mock!.reset();
  });
  return new Proxy({} as MockProviders, { get: (_, key) => Reflect.get(mock!, key) });
}
