// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { useMockProviders } from '../../../support/use-mock-providers';
import { backgroundHarness } from '../../../support/background-harness';
import { renderWithBackground } from '../../../support/render-view';
import { queryKeys } from '../../../../lib/views/query/keys';

const mock = useMockProviders();
afterEach(cleanup);

/** Accounts saved beforehand, as if through the options page. */
async function seedAccounts(...providers: Array<'insighto' | 'wacht' | 'leadping' | 'chakra'>) {
  const seeding = backgroundHarness(mock);
  const accounts = [];
  for (const provider of providers) accounts.push(await seeding.addMockAccount(provider));
  await seeding.settle();
  return accounts;
}

describe('PopupApp', () => {
  it('asks a new user to open Options', async () => {
    const { actions } = renderWithBackground(<PopupApp initialAccountId={null} />, mock);
    await userEvent.click(await screen.findByRole('button', { name: 'Open Options' }));
    expect(screen.getByRole('heading', { name: 'Connect your first account' })).toBeTruthy();
    expect(actions.openOptions).toHaveBeenCalled();
  });

  it('shows the selected profile and remembers a switch', async () => {
    const [insighto, chakra] = await seedAccounts('insighto', 'chakra');
    const { actions } = renderWithBackground(<PopupApp initialAccountId={chakra!.id} />, mock);
    expect(await screen.findByRole('heading', { name: 'Mary Jackson' })).toBeTruthy();
    expect(screen.getByText('mary@chakra.example', { selector: '.email span' })).toBeTruthy();
    // Said in words, and chips say what they are, in one case style (the provider sends "ADMIN").
    expect(screen.getByText('verified', { selector: '.verified' })).toBeTruthy();
    expect(screen.getByText('Role: Admin')).toBeTruthy();
    expect(screen.getByText('Details (5)')).toBeTruthy();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Account' }), insighto!.id);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByText('Trial')).toBeTruthy();
    expect(actions.saveSelectedAccount).toHaveBeenCalledWith(insighto!.id);
  });

  it('does not remember the account shown in place of one missing from a list restored from an older open', async () => {
    const [insighto, leadping] = await seedAccounts('insighto', 'leadping');
    // An older popup's copy of the list, kept before Leadping was added; Leadping was picked since.
    const olderList = { lock: 'off' as const, accounts: [insighto!], problems: [], providers: [] };
    const { actions } = renderWithBackground(<PopupApp initialAccountId={leadping!.id} />, mock, undefined, {
      restore: (queryClient) => queryClient.setQueryData(queryKeys.accounts, olderList, { updatedAt: Date.now() - 60_000 }),
    });
    expect(await screen.findByRole('heading', { name: 'Katherine Johnson' })).toBeTruthy();
    expect(actions.saveSelectedAccount).not.toHaveBeenCalled();
  });

  it('shows the account of the tab and says so without remembering it; a pick is remembered', async () => {
    const [insighto, leadping] = await seedAccounts('insighto', 'leadping');
    const tabAccount = Promise.resolve({ accountId: insighto!.id, site: '127.0.0.1' });
    const { actions } = renderWithBackground(<PopupApp initialAccountId={leadping!.id} tabAccount={tabAccount} />, mock);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Showing the account for 127.0.0.1, the site of this tab.');
    expect(actions.saveSelectedAccount).not.toHaveBeenCalled();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Account' }), leadping!.id);
    expect(await screen.findByRole('heading', { name: 'Katherine Johnson' })).toBeTruthy();
    expect(screen.queryByText(/the site of this tab/)).toBeNull();
    expect(actions.saveSelectedAccount).toHaveBeenCalledWith(leadping!.id);
  });

  it('locked: the last profile with the unlock form and no refresh or edit button; unlocked, both are back', async () => {
    const [insighto] = await seedAccounts('insighto');
    const seeding = backgroundHarness(mock);
    await seeding.send('turnOnLock', { passphrase: 'correct horse battery staple' });
    await seeding.send('lockNow', {});
    const { bg } = renderWithBackground(<PopupApp initialAccountId={insighto!.id} />, mock);
    expect(await screen.findByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(await screen.findByText('Locked — profiles as last seen. Unlock to refresh or edit.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Refresh profile' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit profile' })).toBeNull();

    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    // Unlocked (here straight through the background: the view's long requests use a port, which
    // the fake browser lacks; the e2e lock test types it), the popup follows the announcement.
    await bg.send('unlock', { passphrase: 'correct horse battery staple' });
    expect(await screen.findByRole('button', { name: 'Refresh profile' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Edit profile' })).toBeTruthy();
    expect(screen.queryByText(/^Locked/)).toBeNull();
  });

  it('keeps the last good profile, marked stale, under a rejected key', async () => {
    await seedAccounts('leadping');
    mock.addFault({ provider: 'leadping', kind: '401' });
    const { actions } = renderWithBackground(<PopupApp initialAccountId={null} />, mock);
    expect(await screen.findByRole('heading', { name: 'Katherine Johnson' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh profile' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Leadping refused your token')).toBeTruthy();
    // The provider's words are there, folded behind Technical details.
    const technical = within(alert).getByText('Technical details').closest('details')!;
    expect(technical.open).toBe(false);
    expect(within(technical).getByText(/Bearer token is missing, expired or invalid|injected fault/)).toBeTruthy();
    expect(screen.getByText('Stale')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Katherine Johnson' })).toBeTruthy();
    await userEvent.click(within(alert).getByRole('button', { name: 'Update token' }));
    // Straight to this account's edit form, where the token is replaced.
    expect(actions.openOptions).toHaveBeenCalledWith({ editAccount: expect.any(String) });
  });

  it('asks for a missing permission from the click itself, then refreshes', async () => {
    const [account] = await seedAccounts('insighto');
    const { bg, actions } = renderWithBackground(<PopupApp initialAccountId={null} />, mock);
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    bg.granted.clear();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh profile' }));
    expect(await screen.findByText(/Whoami needs permission to reach 127\.0\.0\.1/)).toBeTruthy();
    actions.ensureOrigins = async (origins) => {
      origins.forEach((o) => bg.granted.add(o));
      return true;
    };
    await userEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(account!.origins).toEqual(['http://127.0.0.1/*']);
  });

  it('renders hostile profile data as inert text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    mock.insighto.createUser({ first_name: payload, last_name: '', email: 'x@y.z' });
    const seeding = backgroundHarness(mock);
    const userId = mock.insighto.userIds().at(-1)!;
    const label = '<b onmouseover="alert(1)">work</b>';
    await seeding.send('addAccount', { provider: 'insighto', label, credentials: mock.credentials('insighto', userId) });
    await seeding.settle();
    const { container } = renderWithBackground(<PopupApp initialAccountId={null} />, mock);
    expect(await screen.findByRole('heading', { name: payload })).toBeTruthy();
    expect(screen.getByText(`Insighto · ${'<b onmouseover="alert(1)">work</b>'}`, { exact: false })).toBeTruthy();
    expect(container.querySelector('script, b')).toBeNull();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('PopupApp after a failed refresh', () => {
  it('calls the profile the last good copy, formats times for people, and offers no edit while the key is refused', async () => {
    const [leadping] = await seedAccounts('leadping');
    mock.addFault({ provider: 'leadping', kind: '401' });
    renderWithBackground(<PopupApp initialAccountId={leadping!.id} />, mock);
    expect(await screen.findByRole('heading', { name: 'Katherine Johnson' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh profile' }));
    expect(await screen.findByText('Leadping refused your token')).toBeTruthy();
    const freshness = document.querySelector('.freshness')!.textContent!;
    expect(freshness).toBe('Last good copy just now');
    expect(freshness).not.toMatch(/Updated/);
    expect(screen.getByText('Stale')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit profile' })).toBeNull();
    // A time in the details reads as a date, not an ISO string.
    await userEvent.click(screen.getByText(/^Details/));
    const modified = (await screen.findByText('Last modified')).nextElementSibling!.textContent!;
    expect(modified).not.toMatch(/T\d{2}:\d{2}:\d{2}/);
    expect(modified).toMatch(/20\d\d/);
  });
});
