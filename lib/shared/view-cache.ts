import { VIEW_STORED } from './storage-views';

// The popup's cache for its first frame, as stored (VIEW_STORED.viewCache): the data of the queries it
// paints first, each with the time it was answered. Written by the views, read by them before
// the first render (when no schema has loaded yet: the data is checked after the first paint),
// and pruned by the background when an account is removed.

export interface CachedQuery {
  queryKey: unknown[];
  data: unknown;
  updatedAt: number;
}

export interface ViewCache {
  version: number;
  savedAt: number;
  queries: CachedQuery[];
}

/** The stored copy, or undefined when it is missing, damaged or of another version. */
export function parseViewCache(stored: unknown): ViewCache | undefined {
  if (typeof stored !== 'string') return undefined;
  let cache: Partial<ViewCache>;
  try {
    cache = JSON.parse(stored) as Partial<ViewCache>;
  } catch {
    return undefined;
  }
  if (cache?.version !== VIEW_STORED.viewCache.version || typeof cache.savedAt !== 'number' || !Array.isArray(cache.queries)) {
    return undefined;
  }
  const queries = cache.queries.filter(
    (query): query is CachedQuery =>
      typeof query === 'object' && query !== null && Array.isArray(query.queryKey) && typeof query.updatedAt === 'number',
  );
  return { version: cache.version, savedAt: cache.savedAt, queries };
}
