import { describe, expect, it } from 'vitest';
import { MAX_CHANGES, profileChanges, withChanges } from '../../../../lib/background/changes';
import type { Profile } from '../../../../lib/shared/profile';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();

describe('change watch', () => {
  it('keeps what a refresh found changed, not what the user edited, until dismissed', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    const userId = mock.leadping.userIds()[0]!;
    const user = mock.leadping.userData(userId)!;
    const planBefore = String(user.billingPlan);

    user.billingPlan = 'Monthly';
    user.roles = ['Owner'];
    const [changed] = (await bg.send('refresh', { accountId: account.id })).entries;
    expect(changed!.changes).toEqual([
      { field: 'plan', from: planBefore, to: 'Monthly', seenAt: changed!.fetchedAt },
      expect.objectContaining({ field: 'roles', to: 'Owner' }),
    ]);

    // The user's own edit is no news, then or at the next refresh.
    await bg.send('updateProfile', { accountId: account.id, editId: 'e1', changes: { firstName: 'Kate' } });
    const [after] = (await bg.send('refresh', { accountId: account.id })).entries;
    expect(after!.changes?.map((c) => c.field)).toEqual(['plan', 'roles']);

    const { entry } = await bg.send('dismissChanges', { accountId: account.id });
    expect(entry.changes).toBeUndefined();
    expect((await bg.send('getProfile', { accountId: account.id })).changes).toBeUndefined();
  });

  it('notifies the changes of the fields the user picked, and nothing else', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    await bg.send('setSettings', { refreshMinutes: 30, notifyChanges: ['plan'] });
    const user = mock.leadping.userData(mock.leadping.userIds()[0]!)!;
    const planBefore = String(user.billingPlan);
    user.billingPlan = 'Monthly';
    user.roles = ['Owner'];
    await bg.send('refresh', { accountId: account.id });
    await bg.core.refresher.idle();
    expect(bg.notifications).toEqual([
      {
        id: expect.stringMatching(/^changes:/),
        title: `${account.label}: changed`,
        message: `${account.label} — Plan: ${planBefore} → Monthly`,
      },
    ]);

    // The user's own edit, and a change of a field not picked: no notification.
    await bg.send('updateProfile', { accountId: account.id, editId: 'e2', changes: { firstName: 'Kate' } });
    user.roles = ['Admin'];
    await bg.send('refresh', { accountId: account.id });
    await bg.core.refresher.idle();
    expect(bg.notifications).toHaveLength(1);
  });

  // Found by the third look from outside (issue 23, 7): notifications did not go through the
  // all-secrets net, and showed the provider's text as it came, line breaks and all.
  it('a notification is one short line of redacted text, under the account’s label', async () => {
    const bg = backgroundHarness(mock);
    const account = await bg.addMockAccount('leadping');
    await bg.settle();
    await bg.send('setSettings', { notifyChanges: ['plan'] });
    const user = mock.leadping.userData(mock.leadping.userIds()[0]!)!;
    user.billingPlan = `Pro\n\nYour session expired.\u0007 Sign in at evil.example ${'x'.repeat(300)}`;
    await bg.send('refresh', { accountId: account.id });
    await bg.core.refresher.idle();
    const [notification] = bg.notifications;
    expect(notification!.message.startsWith(`${account.label} — Plan: `)).toBe(true);
    // eslint-disable-next-line no-control-regex -- control characters are what is looked for
    expect(notification!.message).not.toMatch(/[\n\u0000-\u001f]/);
    expect(notification!.message.length).toBeLessThanOrEqual(200);

    // A stored key a provider put in a watched field (past the account's own redaction: another
    // account's key) never reaches a notification.
    const other = await bg.addMockAccount('leadping', 1, 'Other');
    await bg.settle();
    const otherToken = mock.credentials('leadping', mock.leadping.userIds()[1]!).token!;
    user.billingPlan = `Plan ${otherToken}`;
    await bg.send('refresh', { accountId: account.id });
    await bg.core.refresher.idle();
    expect(other.id).toBeTruthy();
    expect(JSON.stringify(bg.notifications)).not.toContain(otherToken);
  });

  // Found by the third look from outside (issue 23, 7): each settings form sent the whole
  // settings object it had read, so two quick changes lost the first.
  it('settings changes sent together all land: each sends only what it changed', async () => {
    const bg = backgroundHarness(mock);
    await Promise.all([
      bg.send('setSettings', { watch: { field: 'plan', on: true } }),
      bg.send('setSettings', { watch: { field: 'email', on: true } }),
      bg.send('setSettings', { refreshMinutes: 60 }),
      bg.send('setSettings', { expiryWarningDays: 5 }),
    ]);
    await bg.send('setSettings', { watch: { field: 'plan', on: false } });
    expect((await bg.send('getStatus', {})).settings).toEqual({ refreshMinutes: 60, expiryWarningDays: 5, notifyChanges: ['email'] });
  });

  it('compares the watched fields only, and keeps the last twenty', () => {
    const profile: Profile = {
      provider: 'leadping',
      id: '1',
      displayName: 'Ada',
      firstName: null,
      lastName: null,
      username: null,
      email: 'ada@example.com',
      emailVerified: false,
      phone: null,
      avatarUrl: null,
      roles: ['b', 'a'],
      organization: null,
      plan: 'Free',
      trial: false,
      createdAt: null,
      updatedAt: null,
      details: [],
    };
    expect(profileChanges(null, profile, 1)).toEqual([]);
    expect(profileChanges(profile, { ...profile, phone: '+1', roles: ['a', 'b'] }, 1)).toEqual([]);
    expect(profileChanges(profile, { ...profile, emailVerified: true, organization: 'Acme' }, 5)).toEqual([
      { field: 'organization', from: null, to: 'Acme', seenAt: 5 },
      { field: 'emailVerified', from: 'false', to: 'true', seenAt: 5 },
    ]);
    let history = withChanges(undefined, []);
    for (let i = 0; i < 25; i++) history = withChanges(history, [{ field: 'plan', from: String(i), to: String(i + 1), seenAt: i }]);
    expect(history).toHaveLength(MAX_CHANGES);
    expect(history![0]!.seenAt).toBe(5);
  });
});
