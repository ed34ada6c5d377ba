import { expect, test } from './fixtures';
import { seriousA11yViolations } from './helpers';

// Two ready providers added the way a new user would: picked from the Provider list, a token
// pasted, Test connection, Save — against mocks shaped like GitHub's and Slack's answers.
test('a user adds GitHub and Slack from the Provider list and sees both in the popup', async ({ mock, openOptions, openPopup }) => {
  test.setTimeout(90_000);
  const options = await openOptions();
  const gitHubToken = mock.credentials('github', mock.github.userIds()[0]!).token!;
  const slackToken = mock.credentials('slack', mock.slack.userIds()[0]!).token!;

  await options.getByRole('button', { name: 'Add account' }).click();
  const form = options.locator('form.account-form').first();
  await form.getByLabel('Provider').selectOption({ label: 'GitHub' });
  // The public API is filled in; the user points it elsewhere (here: the mock; for them, GitHub Enterprise).
  await expect(form.getByLabel('Base URL')).toHaveValue('https://api.github.com');
  await expect(form.getByText(/classic token needs no scope to read your profile/)).toBeVisible();
  await expect(form.getByRole('link', { name: 'Create one at github.com' })).toHaveAttribute('href', 'https://github.com/settings/tokens');
  await form.getByLabel('Base URL').fill(mock.baseUrl('github'));

  // A value that can't be a GitHub token is said before anything is sent, and not refused.
  await form.getByLabel('Personal access token', { exact: true }).fill(slackToken);
  await expect(
    form.getByText('GitHub tokens start with ghp_, github_pat_, or gho_: is this the right one?', { exact: false }),
  ).toBeVisible();
  await form.getByLabel('Personal access token', { exact: true }).fill(gitHubToken);
  await expect(form.locator('.field-warning')).toHaveCount(0);
  expect(await seriousA11yViolations(options)).toEqual([]);

  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Connected as' })).toContainText('The Octocat');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('listitem', { name: 'GitHub · GitHub' })).toContainText('Connected');

  await options.getByRole('button', { name: 'Add account' }).click();
  await form.getByLabel('Provider').selectOption({ label: 'Slack' });
  await form.getByLabel('Base URL').fill(mock.baseUrl('slack'));
  // Slack answers every error with HTTP 200 and "ok": false: a wrong token is still a wrong token.
  await form.getByLabel('Bot or user token', { exact: true }).fill('xoxp-not-a-real-token');
  await form.getByRole('button', { name: 'Test connection' }).click();
  await expect(form.getByRole('status')).toContainText('invalid_auth');
  await form.getByLabel('Bot or user token', { exact: true }).fill(slackToken);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(options.getByRole('listitem', { name: 'Slack · Slack' })).toContainText('Connected');

  // Saved with their accounts, as ready providers: changing one means editing a copy.
  await expect(options.getByRole('listitem', { name: 'Provider GitHub' })).toContainText('ready provider');
  await expect(options.getByRole('button', { name: 'Edit a copy of provider GitHub' })).toBeVisible();

  const popup = await openPopup();
  const accounts = popup.getByRole('combobox', { name: 'Account' });
  await accounts.selectOption({ label: 'GitHub · GitHub' });
  await expect(popup.getByRole('heading', { name: 'The Octocat' })).toBeVisible();
  // What the token may do, read from the answer's headers (under the profile's details).
  await popup.getByText(/^Details/).click();
  await expect(popup.locator('.fact-value', { hasText: 'read:user, user:email' })).toHaveCount(1);
  await expect(popup.locator('.fact-value', { hasText: '4987 of 5000' })).toHaveCount(1);
  // The token's lifetime, from GitHub's header, on the expiry line.
  await expect(popup.getByText('Token expires in 12 days')).toBeVisible();
  await popup.getByText('Raw response').click();
  await expect(popup.getByLabel('Raw response JSON')).not.toContainText(gitHubToken);

  // GitHub keeps one name: the edit form offers it whole, and GitHub's PATCH /user takes it.
  await popup.getByRole('button', { name: 'Edit profile' }).click();
  await popup.getByLabel('Name', { exact: true }).fill('Mona Lisa Octocat');
  await popup.getByRole('button', { name: 'Save' }).click();
  await expect(popup.getByText('Saved.')).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Mona Lisa Octocat' })).toBeVisible();
  expect(mock.github.userData(mock.github.userIds()[0]!)).toMatchObject({ name: 'Mona Lisa Octocat' });
  await accounts.selectOption({ label: 'Slack · Slack' });
  await expect(popup.getByRole('heading', { name: 'Grace Hopper' })).toBeVisible();
  await expect(popup.locator('.email')).toContainText('grace@slack.example');
});
