import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from './support/accounts.ts';
import { launchBrowser, newPage } from './support/browser.ts';
import { logIn, signUpAndVerify } from './support/ui.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the patient's rights, from the profile page", () => {
  it('a patient downloads their data as a zip, then deletes the account and can no longer log in', async () => {
    const page = await newPage(browser);
    const email = uniqueEmail('leaving');
    await signUpAndVerify(page, 'Patient', 'Lena Leaving', email);
    await logIn(page, email);
    await page.goto('/patient/profile');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^doctime-data-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(await download.path())));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['data.json', 'README.txt', 'prescriptions/']));
    expect(JSON.parse(strFromU8(files['data.json']!)).account).toMatchObject({ name: 'Lena Leaving', email });

    await page.getByRole('button', { name: 'Delete my account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
    await dialog.getByText('Kept', { exact: true }).waitFor();
    await dialog.getByLabel(/^Password/).fill('not my password at all');
    await dialog.getByLabel('Type DELETE to confirm').fill('delete');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('Type DELETE in capitals to confirm').waitFor();
    await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('Password is not right').waitFor();

    await dialog.getByLabel(/^Password/).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByText('Your account is deleted').waitFor();

    await page.goto('/patient/profile');
    await page.waitForURL(/\/login/);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByText('E-mail or password is not right').waitFor();
    await page.context().close();
  });
});
