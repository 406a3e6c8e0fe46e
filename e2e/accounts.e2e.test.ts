import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestCode } from '../apps/api/src/test-support/mailpit.ts';
import { PASSWORD, createAdminWithCli, uniqueEmail } from './support/accounts.ts';
import { launchBrowser, newPage } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accounts in the browser', () => {
  it('a patient signs up, verifies with the e-mailed code, logs in, stays signed in across a reload, and logs out', async () => {
    const page = await newPage(browser);
    const email = uniqueEmail('patient');
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign up' }).first().click();
    await page.getByText('Patient', { exact: true }).click();
    await page.getByLabel('Full name').fill('Priya Patient');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 10 characters').first().waitFor();

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/verify-email/);

    const code = await latestCode(email, 'verification');
    await page.getByLabel('Verification code').fill(code);
    await page.getByRole('button', { name: 'Verify email' }).click();
    await page.waitForURL(/\/login/);

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/patient/);
    await page.getByRole('heading', { name: 'Welcome, Priya Patient' }).waitFor();

    await page.reload();
    await page.getByRole('heading', { name: 'Welcome, Priya Patient' }).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/patient');
    await page.waitForURL(/\/login/);
    await page.context().close();
  });

  it('an admin created with the CLI signs in to the admin area; a patient cannot open it', async () => {
    const adminEmail = uniqueEmail('admin');
    const first = createAdminWithCli(adminEmail);
    expect(first.status, first.stderr).toBe(0);
    expect(createAdminWithCli(adminEmail).status).toBe(0); // idempotent

    const page = await newPage(browser);
    await page.goto('/admin/login');
    await page.getByRole('heading', { name: 'Admin sign in' }).waitFor();
    await page.getByLabel('Email').fill(adminEmail);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole('heading', { name: 'Welcome, Site Admin' }).waitFor();
    await page.context().close();

    // A verified patient is refused by the admin login and by the admin pages.
    const patient = await newPage(browser);
    const email = uniqueEmail('curious');
    const api = (path: string, body: unknown) =>
      patient.request.post(path, { data: body, headers: { 'content-type': 'application/json' } });
    expect(
      (await api('/api/v1/auth/register', { role: 'patient', name: 'Curious Patient', email, password: PASSWORD })).status(),
    ).toBe(201);
    expect((await api('/api/v1/auth/verify-email', { email, code: await latestCode(email, 'verification') })).status()).toBe(200);

    await patient.goto('/admin/login');
    await patient.getByLabel('Email').fill(email);
    await patient.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await patient.getByRole('button', { name: 'Log in' }).click();
    await patient.getByText('This area is for administrators only.').waitFor();

    await patient.goto('/login');
    await patient.getByLabel('Email').fill(email);
    await patient.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await patient.getByRole('button', { name: 'Log in' }).click();
    await patient.waitForURL(/\/patient/);
    await patient.goto('/admin');
    await patient.getByRole('heading', { name: 'Access denied' }).waitFor();
    await patient.context().close();
  });
});
