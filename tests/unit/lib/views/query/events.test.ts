import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { emptyEntry } from '../../../../../lib/shared/model';
import { applyViewEvent } from '../../../../../lib/views/query/events';
import { queryKeys } from '../../../../../lib/views/query/keys';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A query whose answers the test hands out one by one, watched as a mounted component would. */
function watched<T>(queryClient: QueryClient, queryKey: readonly unknown[]) {
  const answers: Array<ReturnType<typeof deferred<T>>> = [];
  const observer = new QueryObserver<T>(queryClient, {
    queryKey,
    queryFn: () => {
      const answer = deferred<T>();
      answers.push(answer);
      return answer.promise;
    },
  });
  const unsubscribe = observer.subscribe(() => undefined);
  return { answers, unsubscribe, data: () => queryClient.getQueryData<T>(queryKey) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('applyViewEvent', () => {
  it('reads the account list again when an account is added while the first read is on its way', async () => {
    const queryClient = new QueryClient();
    const accounts = watched<string[]>(queryClient, queryKeys.accounts);
    expect(accounts.answers).toHaveLength(1);

    const applied = applyViewEvent(queryClient, { whoami: 'event', type: 'accounts' });
    // The first read was answered from before the change, after the change was announced.
    accounts.answers[0]!.resolve([]);
    await settle();
    expect(accounts.answers).toHaveLength(2);
    accounts.answers[1]!.resolve(['new account']);
    await applied;
    await settle();
    expect(accounts.data()).toEqual(['new account']);
    accounts.unsubscribe();
  });

  it('keeps the announced profile over an older answer still on its way', async () => {
    const queryClient = new QueryClient();
    const key = queryKeys.profile('a1');
    const profile = watched<ReturnType<typeof emptyEntry>>(queryClient, key);
    const announced = { ...emptyEntry('a1'), fetchedAt: 2_000 };

    await applyViewEvent(queryClient, { whoami: 'event', type: 'profile', entry: announced });
    profile.answers[0]!.resolve({ ...emptyEntry('a1'), fetchedAt: 1_000 });
    await settle();
    expect(profile.data()).toEqual(announced);
    profile.unsubscribe();
  });

  it('empties the cache when the background forgot everything', async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.profile('a1'), emptyEntry('a1'));
    await applyViewEvent(queryClient, { whoami: 'event', type: 'forgotten' });
    expect(queryClient.getQueryData(queryKeys.profile('a1'))).toBeUndefined();
  });
});
