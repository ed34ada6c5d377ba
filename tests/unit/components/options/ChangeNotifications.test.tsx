// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeNotifications } from '../../../../components/options/ChangeNotifications';
import { renderWithBackground } from '../../../support/render-view';
import { useMockProviders } from '../../../support/use-mock-providers';

const mock = useMockProviders();
afterEach(cleanup);

describe('ChangeNotifications', () => {
  it('asks for the permission from the tick itself, then saves the field', async () => {
    const { actions, bg } = renderWithBackground(<ChangeNotifications />, mock);
    const plan = (await screen.findByRole('checkbox', { name: 'Plan' })) as HTMLInputElement;
    await waitFor(() => expect(plan.disabled).toBe(false));
    await userEvent.click(plan);
    expect(actions.allowNotifications).toHaveBeenCalledOnce();
    await waitFor(async () => expect((await bg.send('getStatus', {})).settings.notifyChanges).toEqual(['plan']));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Plan' }) as HTMLInputElement).checked).toBe(true));

    // Unticking asks nothing.
    await userEvent.click(screen.getByRole('checkbox', { name: 'Plan' }));
    expect(actions.allowNotifications).toHaveBeenCalledOnce();
    await waitFor(async () => expect((await bg.send('getStatus', {})).settings.notifyChanges).toEqual([]));
  });

  it('turns nothing on when notifications are not allowed, and says so', async () => {
    const { actions, bg } = renderWithBackground(<ChangeNotifications />, mock);
    actions.allowNotifications = async () => false;
    const roles = (await screen.findByRole('checkbox', { name: 'Roles' })) as HTMLInputElement;
    await waitFor(() => expect(roles.disabled).toBe(false));
    await userEvent.click(roles);
    expect(await screen.findByText("Notifications weren't allowed, so nothing was turned on.")).toBeTruthy();
    expect((await bg.send('getStatus', {})).settings.notifyChanges).toBeUndefined();
  });
});
