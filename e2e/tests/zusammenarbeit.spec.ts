import type { Page } from '@playwright/test';
import { expect, expectAxeClean, test as base, type Sitzung } from './fixtures.ts';

// Zittau lies in the area of the Polizeidirektion Görlitz; the other suites leave it alone.
const ZITTAU = { ags: '14626610', name: 'Zittau' };

/** Opens Zittau's page and waits for hydration (the comment button is enabled only then). */
async function openZittau(page: Page): Promise<void> {
  await page.goto(`/kommunen/${ZITTAU.ags}`);
  await expect(page.getByRole('heading', { level: 1, name: ZITTAU.name })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Kommentar senden' })).toBeEnabled();
}

function thread(page: Page) {
  return page.locator('section', { has: page.getByRole('heading', { name: 'Kommentare' }) });
}

function verlauf(page: Page) {
  return page.locator('section', { has: page.getByRole('heading', { name: 'Änderungsverlauf' }) });
}

function benachrichtigungenButton(page: Page) {
  return page.getByRole('button', { name: /^Benachrichtigungen/ });
}

/** The LPR and the Polizeidirektion Görlitz, each in a browser of its own; the police user on Zittau's page. */
const test = base.extend<{ lpr: Sitzung; pd: Sitzung }>({
  lpr: async ({ als }, use) => {
    await use(await als('lpr'));
  },
  pd: async ({ als }, use) => {
    const pd = await als('goerlitz');
    await openZittau(pd.page);
    await use(pd);
  },
});

test.describe('working together on a Kommune', () => {
  test('the police user sees who looks at and who edits the same Kommune', async ({ lpr, pd }) => {
    const notice = pd.page.locator('[data-anwesend]');
    await openZittau(lpr.page);
    await expect(notice).toContainText(`${lpr.me.benutzer.name} sieht sich diese Kommune gerade an`);

    // The header counts the others online and says where they are.
    const online = pd.page.getByRole('button', { name: /^Online/ });
    await expect(online).toHaveAccessibleName('Online 1 weitere Person');
    await online.click();
    const person = pd.page.locator(`[data-online-person="${lpr.me.benutzer.name}"]`);
    await expect(person.getByRole('link', { name: ZITTAU.name })).toBeVisible();
    await pd.page.keyboard.press('Escape');
    await expect(person).toBeHidden();
    await expect(online).toBeFocused();

    // Starting a change in the milestone form counts as editing, even after the focus moved on.
    await lpr.page.locator('[data-meilenstein-form]').getByLabel('Notiz (optional)').fill('Termin vereinbart');
    await lpr.page.getByRole('heading', { level: 1 }).click();
    await expect(notice).toContainText(`${lpr.me.benutzer.name} bearbeitet gerade diese Kommune`);

    // Leaving the page ends the notice. On the overview the LPR is outside the area of the
    // Polizeidirektion, whose users see presence in their area only; the LPR still sees them.
    await lpr.page.goto('/');
    await expect(notice).not.toContainText(lpr.me.benutzer.name);
    await expect(online).toHaveAccessibleName('Online 0 weitere Personen');
    await lpr.page.getByRole('button', { name: /^Online/ }).click();
    const polizei = lpr.page.locator(`[data-online-person="${pd.me.benutzer.name}"]`);
    await expect(polizei).toContainText('Polizeidirektion Görlitz');
    await expect(polizei.getByRole('link', { name: ZITTAU.name })).toBeVisible();
  });

  test('a comment mentioning @pd-goerlitz reaches the thread and the notifications of that user live', async ({
    lpr,
    pd,
  }) => {
    await openZittau(lpr.page);
    const field = lpr.page.getByRole('combobox', { name: 'Kommentar' });
    await field.pressSequentially('Bitte die Lage am Markt prüfen, @pd-g');
    // The suggestions list the people who can see Zittau; Enter takes the highlighted one.
    const option = lpr.page.getByRole('option', { name: new RegExp(`${pd.me.benutzer.name}.*@pd-goerlitz`) });
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-expanded', 'true');
    await field.press('Enter');
    await expect(field).toHaveValue('Bitte die Lage am Markt prüfen, @pd-goerlitz ');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await field.pressSequentially('danke!');
    await lpr.page.getByRole('button', { name: 'Kommentar senden' }).click();
    await expect(lpr.page.locator('[data-kommentar-form] [data-form-erfolg]')).toContainText(pd.me.benutzer.name);
    await expect(field).toHaveValue('');

    // The police user's open page shows it without a reload …
    const text = 'Bitte die Lage am Markt prüfen, @pd-goerlitz danke!';
    const eintrag = thread(pd.page).locator('[data-kommentar]', { hasText: text });
    await expect(eintrag).toBeVisible();
    await expect(eintrag.locator('[data-kommentar-autor]')).toHaveText(lpr.me.benutzer.name);

    // … and the bell counts one unread notification, for screen readers too.
    const bell = benachrichtigungenButton(pd.page);
    await expect(bell).toHaveAccessibleName('Benachrichtigungen (1 ungelesen)');
    await expect(pd.page.locator('[data-ungelesen]')).toHaveText('1');
    await bell.click();
    const entry = pd.page.locator('[data-benachrichtigung]').first();
    await expect(entry).toContainText(`${lpr.me.benutzer.name} hat Sie bei ${ZITTAU.name} erwähnt`);
    await expect(entry).toContainText('Bitte die Lage am Markt prüfen');
    const kommentarId = await eintrag.getAttribute('data-kommentar');
    await expect(entry.getByRole('link', { name: ZITTAU.name })).toHaveAttribute(
      'href',
      `/kommunen/${ZITTAU.ags}#kommentar-${kommentarId}`,
    );

    await pd.page.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await expect(bell).toHaveAccessibleName('Benachrichtigungen');
    await expect(entry).toHaveAttribute('data-gelesen', 'true');
    // Read on the server, not only in this tab.
    await pd.page.reload();
    await expect(pd.page.getByRole('button', { name: 'Kommentar senden' })).toBeEnabled();
    await expect(pd.page.locator('[data-ungelesen]')).toHaveCount(0);

    // The history lists the comment with its author, for both.
    await expect(verlauf(pd.page).locator('[data-verlauf-eintrag="kommentar:created"]').first()).toContainText(
      lpr.me.benutzer.name,
    );
  });

  test('an unknown @handle is refused at the field and the text stays', async ({ pd }) => {
    const field = pd.page.getByRole('combobox', { name: 'Kommentar' });
    // The suggestions work by keyboard: arrows move, Escape closes without changing the text.
    await field.pressSequentially('Rückfrage an @');
    const options = pd.page.getByRole('listbox').getByRole('option');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await field.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(field).toHaveAttribute('aria-activedescendant', (await options.nth(1).getAttribute('id'))!);
    await field.press('Escape');
    await expect(field).toHaveAttribute('aria-expanded', 'false');
    await field.pressSequentially('niemand-hier');
    await expect(field).toHaveValue('Rückfrage an @niemand-hier');
    await pd.page.getByRole('button', { name: 'Kommentar senden' }).click();
    const error = pd.page.locator('[data-field-error="text"]');
    await expect(error).toContainText('@niemand-hier kennen wir nicht');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveValue('Rückfrage an @niemand-hier');
  });

  test('the history shows a newly recorded meilenstein with who recorded it, live for the others', async ({
    lpr,
    pd,
  }) => {
    await openZittau(lpr.page);
    const form = lpr.page.locator('[data-meilenstein-form]');
    await form.getByLabel('Meilenstein').selectOption('erstberatung');
    await form.getByLabel('Datum').fill('2025-02-14');
    await form.getByRole('button', { name: 'Meilenstein erfassen' }).click();
    await expect(form.locator('[data-form-erfolg]')).toContainText('Erstberatung');

    for (const page of [lpr.page, pd.page]) {
      const newest = verlauf(page).locator('[data-verlauf-eintrag]').first();
      await expect(newest).toContainText('Meilenstein erfasst: Erstberatung vom 14.02.2025');
      await expect(newest.locator('[data-verlauf-wer]')).toHaveText(lpr.me.benutzer.name);
    }
  });

  test('„Ältere laden“ pages back through a long history until it is complete', async ({ pd }) => {
    for (let i = 1; i <= 50; i++) {
      const response = await pd.page.request.post(`/api/kommunen/${ZITTAU.ags}/kommentare`, {
        data: { text: `Beobachtung ${i}` },
      });
      expect(response.status()).toBe(201);
    }
    const alle = (await (
      await pd.page.request.get(`/api/kommunen/${ZITTAU.ags}/verlauf?limit=200`)
    ).json()) as unknown[];
    // More than one page of 50, less than two: one click completes it.
    expect(alle.length).toBeGreaterThan(50);
    expect(alle.length).toBeLessThan(100);
    await openZittau(pd.page);
    const eintraege = verlauf(pd.page).locator('[data-verlauf-eintrag]');
    await expect(eintraege).toHaveCount(50);
    const aeltere = pd.page.getByRole('button', { name: 'Ältere laden' });
    await aeltere.click();
    await expect(eintraege).toHaveCount(alle.length);
    await expect(aeltere).toHaveCount(0);
    // Newest first throughout.
    const seqs = (await eintraege.evaluateAll((lis) =>
      lis.map((li) => Number(li.getAttribute('data-seq'))),
    )) as number[];
    expect(seqs).toEqual(seqs.toSorted((a, b) => b - a));
  });

  test('the Kommune page with thread, history and open notifications is axe clean', async ({ pd }) => {
    await pd.page.getByRole('combobox', { name: 'Kommentar' }).fill('Notiz für das Team');
    await pd.page.getByRole('button', { name: 'Kommentar senden' }).click();
    await expect(thread(pd.page).locator('[data-kommentar]', { hasText: 'Notiz für das Team' })).toBeVisible();
    await expect(verlauf(pd.page).locator('[data-verlauf-eintrag]').first()).toBeVisible();
    await benachrichtigungenButton(pd.page).click();
    await expectAxeClean(pd.page);
  });
});

test('the public sees the history without names, and no comments, presence or notifications', async ({ page }) => {
  await page.goto(`/kommunen/${ZITTAU.ags}`);
  await expect(page.getByRole('heading', { level: 1, name: ZITTAU.name })).toBeVisible();
  await expect(verlauf(page).locator('[data-verlauf-eintrag]').first()).toBeVisible();
  await expect(verlauf(page).locator('[data-verlauf-wer]')).toHaveCount(0);
  await expect(verlauf(page).locator('[data-verlauf-eintrag="kommentar:created"]')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Kommentare' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Online/ })).toHaveCount(0);
  await expect(benachrichtigungenButton(page)).toHaveCount(0);
});

test('an admin looking as the LPR (read only) reads the comments but cannot write', async ({ eigeneSitzung }) => {
  // A session of its own: „Ansicht als“ changes the session.
  const admin = await eigeneSitzung('admin');
  const response = await admin.page.request.post('/api/auth/ansicht', {
    data: { role: 'lpr', polizeidirektion: null },
  });
  expect(response.status()).toBe(200);
  await admin.page.goto(`/kommunen/${ZITTAU.ags}`);
  await expect(thread(admin.page).locator('[data-kommentar]').first()).toBeVisible();
  await expect(thread(admin.page)).toContainText('In dieser Ansicht (nur lesen) können Sie nicht kommentieren.');
  await expect(admin.page.getByRole('combobox', { name: 'Kommentar' })).toHaveCount(0);
});
