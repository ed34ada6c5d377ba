import fs from 'node:fs';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addAccounts, DEMO_PEOPLE, seriousA11yViolations } from './helpers';
import { measureTargets } from './target-sizes';

// Chromium with a German UI: the popup and options page speak German, and no English sentence
// of ours is left in them (provider names, people and data are not ours to translate).
test.use({ uiLanguage: 'de' });

const messagesOf = (locale: string) => generateChromeMessages(parseMessagesText(fs.readFileSync(`locales/${locale}.yml`, 'utf8'), 'YAML'));
const english = messagesOf('en');
const german = messagesOf('de');

/** English phrases of ours: each message's longest run of words without a placeholder, where German differs. */
const ENGLISH_PHRASES = Object.entries(english)
  .filter(([key, { message }]) => !key.startsWith('@@') && german[key]?.message !== message)
  .map(([, { message }]) =>
    message
      .split(/\{\w+\}|[“”"()]/)
      .sort((a, b) => b.length - a.length)[0]!
      .trim(),
  )
  .filter((phrase) => /^\S+ \S+ \S+/.test(phrase));

async function englishLeftIn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const labels = await page
    .locator('[aria-label], [title], [placeholder]')
    .evaluateAll((elements) =>
      elements.map((e) => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')].join(' ')),
    );
  const shown = `${text}\n${labels.join('\n')}`;
  return ENGLISH_PHRASES.filter((phrase) => shown.includes(phrase));
}

test('popup and options page in German: German text, no English left, accessible in light and dark', async ({
  openOptions,
  openPopup,
  mock,
}) => {
  expect(ENGLISH_PHRASES.length).toBeGreaterThan(50);
  const options = await openOptions();
  await expect(options.getByRole('button', { name: 'Konto hinzufügen' })).toBeVisible();
  await addAccounts(options, mock, ['insighto', 'leadping']);
  await options.reload();
  await expect(options.getByRole('heading', { name: 'Konten' })).toBeVisible();
  // The keys as a German Chrome names them (the browser reports "Alt+Shift+U").
  await expect(options.locator('.shortcut kbd')).toHaveText('Alt+Umschalt+U');
  expect(await englishLeftIn(options)).toEqual([]);

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: DEMO_PEOPLE.insighto })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Profil aktualisieren' })).toBeVisible();
  await expect(popup.locator('.freshness')).toHaveText(/^(Gerade aktualisiert|Aktualisiert vor \d+ Minuten?)$/);
  await popup.getByText(/^Details/).click();
  await popup.getByText('Rohdaten (JSON)', { exact: true }).click();
  expect(await englishLeftIn(popup)).toEqual([]);
  // German words run longer: controls and text keep their size in German too (issue 26).
  for (const page of [popup, options]) {
    const measures = await measureTargets(page);
    expect(measures.smallControls).toEqual([]);
    expect(measures.smallText).toEqual([]);
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const page of [popup, options]) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousA11yViolations(page)).toEqual([]);
    }
  }
});
