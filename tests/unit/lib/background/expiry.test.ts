import { describe, expect, it } from 'vitest';
import { backgroundHarness } from '../../../support/background-harness';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();
const DAY = 24 * 60 * 60 * 1000;

describe('token expiry', () => {
  it('shows a Leadping token’s expiry on the account, and the badge warns from the warning day', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.leadping.userIds()[0]!;
    const token = mock.leadping.issueToken(userId, 2 * 24 * 60 * 60);
    const account = await bg.send('addAccount', { provider: 'leadping', label: 'Work', credentials: mock.credentials('leadping', userId) });
    expect(account.tokenExpiry!.expiresAt).toBeGreaterThan(Date.now() + 2 * DAY - 60_000);
    expect(account.tokenExpiry!.warnFrom).toBe(account.tokenExpiry!.expiresAt - 3 * DAY);
    // The secret itself never reaches the view: only when it expires.
    expect(JSON.stringify(account)).not.toContain(token);

    await bg.send('refresh', {});
    expect(bg.badge()).toBe('1');
    await bg.send('setSettings', { refreshMinutes: 30, expiryWarningDays: 1 });
    expect(bg.badge()).toBe('');
    const [listed] = (await bg.send('listAccounts', {})).accounts;
    expect(listed!.tokenExpiry!.warnFrom).toBe(listed!.tokenExpiry!.expiresAt - DAY);
    // A form that sends only the interval keeps the warning days.
    expect(await bg.send('setSettings', { refreshMinutes: 45 })).toEqual({ refreshMinutes: 45, expiryWarningDays: 1 });
  });

  it('does not send an expired token: the account is "token expired", not "rejected", and the badge says so', async () => {
    const bg = backgroundHarness(mock);
    const userId = mock.leadping.userIds()[0]!;
    mock.leadping.issueToken(userId, 60 * 60);
    const account = await bg.send('addAccount', { provider: 'leadping', label: 'Work', credentials: mock.credentials('leadping', userId) });
    await bg.settle();
    expect((await bg.send('getProfile', { accountId: account.id })).profile?.displayName).toBeTruthy();

    bg.advance(2 * 60 * 60 * 1000);
    mock.requests.splice(0);
    const [entry] = (await bg.send('refresh', { accountId: account.id })).entries;
    expect(mock.requests).toHaveLength(0);
    expect(entry!.error?.kind).toBe('token-expired');
    expect(entry!.profile?.displayName).toBeTruthy();
    expect(bg.badge()).toBe('1');
  });

  it('shows the session expiry Wacht reports, keeps the list in step with it, and warns from the warning day', async () => {
    const bg = backgroundHarness(mock);
    mock.wacht.sessionLifetimeMs = 5 * DAY;
    const account = await bg.addMockAccount('wacht');
    expect(account.tokenExpiry).toBeNull();
    const [entry] = (await bg.send('refresh', { accountId: account.id })).entries;
    const reported = Date.parse(entry!.profile!.sessionExpiresAt!);
    expect(reported).toBeGreaterThan(Date.now() + 5 * DAY - 60_000);
    let [listed] = (await bg.send('listAccounts', {})).accounts;
    expect(listed!.tokenExpiry).toMatchObject({ expiresAt: reported, source: 'session', warnFrom: reported - 3 * DAY });
    expect(bg.badge()).toBe('');

    mock.wacht.sessionLifetimeMs = DAY;
    bg.events.splice(0);
    await bg.send('refresh', { accountId: account.id });
    // Open views reread the list: the expiry they show lives on it.
    expect(bg.events.map((e) => e.type)).toContain('accounts');
    [listed] = (await bg.send('listAccounts', {})).accounts;
    expect(listed!.tokenExpiry!.expiresAt).toBeLessThan(reported - 3 * DAY);
    expect(bg.badge()).toBe('1');
  });
});
