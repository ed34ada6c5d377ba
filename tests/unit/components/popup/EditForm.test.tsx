// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { readDrafts, saveDraft } from '../../../../lib/views/drafts';
import { useMockProviders } from '../../../support/use-mock-providers';
import { backgroundHarness } from '../../../support/background-harness';
import { renderWithBackground } from '../../../support/render-view';

const mock = useMockProviders();
afterEach(cleanup);

async function openEditor(provider: 'insighto' | 'wacht' | 'leadping' | 'chakra', name: string) {
  const bg = backgroundHarness(mock);
  const account = await bg.addMockAccount(provider);
  await bg.settle();
  const view = renderWithBackground(<PopupApp initialAccountId={null} />, mock, bg);
  await screen.findByRole('heading', { name });
  await userEvent.click(screen.getByRole('button', { name: 'Edit profile' }));
  // The editor's code loads on first use.
  await screen.findByRole('form', { name: 'Edit profile' });
  return { ...view, account, bg };
}

describe('EditForm', () => {
  it('offers exactly the fields the provider accepts and saves the change', async () => {
    await openEditor('chakra', 'Mary Jackson');
    const form = screen.getByRole('form', { name: 'Edit profile' });
    expect(
      within(form)
        .getAllByRole('textbox')
        .map((i) => i.id),
    ).toEqual(['edit-firstName', 'edit-lastName']);
    await userEvent.clear(screen.getByLabelText('First name'));
    await userEvent.type(screen.getByLabelText('First name'), 'Mae');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Mae Jackson' })).toBeTruthy();
    expect(mock.chakra.userData(mock.chakra.userIds()[0]!)).toMatchObject({ firstName: 'Mae' });
    expect(await readDrafts()).toEqual({});
  });

  it('on a 422 shows the provider’s errors on their fields, keeps what was typed and restores the profile', async () => {
    const { account, queryClient } = await openEditor('insighto', 'Ada Lovelace');
    mock.addFault({ provider: 'insighto', kind: '422', methods: ['PUT'] });
    await userEvent.clear(screen.getByLabelText('Phone'));
    await userEvent.type(screen.getByLabelText('Phone'), '+44 999');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Phone is not a valid phone number (injected fault).')).toBeTruthy();
    expect((screen.getByLabelText('Phone') as HTMLInputElement).value).toBe('+44 999');
    expect(screen.getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    const cached = queryClient.getQueryData<{ profile: { phone: string } }>(['profile', account.id]);
    expect(cached?.profile.phone).toBe('+44 20 7946 0018');
    expect(mock.insighto.userData(mock.insighto.userIds()[0]!)).toMatchObject({ phone: '+44 20 7946 0018' });
  });

  it('on a 401 says the key was rejected and keeps the form', async () => {
    await openEditor('leadping', 'Katherine Johnson');
    mock.addFault({ provider: 'leadping', kind: '401', methods: ['GET', 'PUT'] });
    await userEvent.type(screen.getByLabelText('Last name'), '-Goble');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByText('Not saved: Leadping refused your token');
    expect(alert).toBeTruthy();
    expect((screen.getByLabelText('Last name') as HTMLInputElement).value).toBe('Johnson-Goble');
  });

  it('on a timeout says so and keeps the form', async () => {
    const { bg } = await openEditor('wacht', 'Linus Torvalds');
    // Short only for the save that hangs: it never answers, so a busy machine only makes it later.
    bg.platform.requestTimeoutMs = 300;
    mock.addFault({ provider: 'wacht', kind: 'hang', methods: ['POST'] });
    await userEvent.type(screen.getByLabelText('Username'), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/didn't answer in time/)).toBeTruthy();
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('linus2');
    // Writes are never retried: one POST went out.
    expect(mock.requests.filter((r) => r.method === 'POST' && r.path === '/me')).toHaveLength(1);
  });

  it('keeps a draft through closing the popup, and drops it on discard', async () => {
    const { account, unmount } = await openEditor('insighto', 'Ada Lovelace');
    await userEvent.type(screen.getByLabelText('First name'), 'bel');
    await waitFor(async () => expect((await readDrafts())[account.id]?.values.firstName).toBe('Adabel'));
    unmount();

    // A new popup reads the draft from session storage.
    renderWithBackground(<PopupApp initialAccountId={null} />, mock);
    expect(await screen.findByText('Restored your unsaved edit.')).toBeTruthy();
    await screen.findByLabelText('First name');
    expect((screen.getByLabelText('First name') as HTMLInputElement).value).toBe('Adabel');
    await userEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(async () => expect(await readDrafts()).toEqual({}));
    expect(screen.getByRole('button', { name: 'Edit profile' })).toBeTruthy();
  });

  it('drops a restored draft whose save went through after the popup closed', async () => {
    const seeding = backgroundHarness(mock);
    const account = await seeding.addMockAccount('chakra');
    await seeding.settle();
    await seeding.send('updateProfile', { accountId: account.id, editId: 'e1', changes: { firstName: 'Mae' } });
    await saveDraft(account.id, { values: { firstName: 'Mae', lastName: 'Jackson' }, editId: 'e1', updatedAt: 1 });
    renderWithBackground(<PopupApp initialAccountId={null} />, mock);
    expect(await screen.findByText('Your last edit was saved.')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Edit profile' })).toBeNull();
  });
});
