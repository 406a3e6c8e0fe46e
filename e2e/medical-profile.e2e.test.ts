import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifiedAccount } from './support/api-setup.ts';
import { launchBrowser, newPage } from './support/browser.ts';
import { logIn } from './support/ui.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const field = (page: Page, label: string) => page.getByRole('textbox', { name: label, exact: true });
const dateOfBirth = (page: Page) => page.getByLabel('Date of birth', { exact: true });

async function pickOption(page: Page, label: string, option: string) {
  await field(page, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addTags(page: Page, label: string, values: string[]) {
  for (const value of values) {
    await field(page, label).fill(value);
    await field(page, label).press('Enter');
  }
}

describe('medical profile in the browser', () => {
  it('a patient fills in the medical profile, is told about a date in the future, saves, and sees it after a reload', async () => {
    const patient = await verifiedAccount('patient', 'Maya Patient');
    const page = await newPage(browser);
    await logIn(page, patient.email);
    await page.getByRole('link', { name: 'Medical profile' }).click();
    await page.waitForURL(/\/patient\/profile$/);
    await page.getByText('Only you and the doctors you book can see this; it is stored encrypted.').waitFor();

    await dateOfBirth(page).fill('2999-01-01');
    await pickOption(page, 'Sex', 'Female');
    await pickOption(page, 'Blood group', 'AB-');
    await addTags(page, 'Allergies', ['Penicillin', 'Latex']);
    await addTags(page, 'Chronic conditions', ['Asthma']);
    await addTags(page, 'Current medications', ['Salbutamol inhaler']);
    await field(page, 'Notes for your doctor').fill('Faints at the sight of needles.');
    await page.getByRole('button', { name: 'Save medical profile' }).click();
    await page.getByText('The date of birth cannot be in the future').waitFor();

    await dateOfBirth(page).fill('1987-06-15');
    await page.getByRole('button', { name: 'Save medical profile' }).click();
    await page.getByText('Medical profile saved').waitFor();

    await page.reload();
    await field(page, 'Notes for your doctor').waitFor();
    expect(await dateOfBirth(page).inputValue()).toBe('1987-06-15');
    expect(await field(page, 'Sex').inputValue()).toBe('Female');
    expect(await field(page, 'Blood group').inputValue()).toBe('AB-');
    expect(await field(page, 'Notes for your doctor').inputValue()).toBe('Faints at the sight of needles.');
    for (const tag of ['Penicillin', 'Latex', 'Asthma', 'Salbutamol inhaler'])
      await page.getByText(tag, { exact: true }).waitFor();
    await page.context().close();
  });
});
