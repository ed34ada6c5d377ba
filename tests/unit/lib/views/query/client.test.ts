import { dehydrate, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { withoutRawAnswers } from '../../../../../lib/views/query/client';
import { emptyEntry } from '../../../../../lib/shared/model';

describe("the popup's persisted cache", () => {
  it('keeps what the first frame paints, without a second copy of each raw answer', () => {
    const cache = new QueryClient();
    const entry = { ...emptyEntry('a1'), raw: { huge: 'x'.repeat(10_000) }, rawCut: { bytes: 900_000 } };
    cache.setQueryData(['profile', 'a1'], entry);
    cache.setQueryData(['accounts'], { accounts: [], problems: [] });
    const persisted = withoutRawAnswers({ buster: '2', timestamp: 1, clientState: dehydrate(cache) });
    const [accounts, profile] = [...persisted.clientState.queries].sort((a, b) =>
      String(a.queryKey[0]).localeCompare(String(b.queryKey[0])),
    );
    expect(profile!.state.data).toEqual(emptyEntry('a1'));
    expect(accounts!.state.data).toEqual({ accounts: [], problems: [] });
    expect(JSON.stringify(persisted).length).toBeLessThan(2_000);
  });
});
