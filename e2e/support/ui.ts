import type { Page } from 'playwright-core';
import { latestCode } from '../../apps/api/src/test-support/mailpit.ts';
import { PASSWORD } from './accounts.ts';

/** Signs up through the real form and verifies with the code from the real inbox. */
export async function signUpAndVerify(page: Page, role: 'Patient' | 'Doctor', name: string, email: string) {
  await page.goto('/signup');
  await page.getByText(role, { exact: true }).click();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(/\/verify-email/);
  await page.getByLabel('Verification code').fill(await latestCode(email, 'verification'));
  await page.getByRole('button', { name: 'Verify email' }).click();
  await page.waitForURL(/\/login/);
}

export async function logIn(page: Page, email: string, loginPath = '/login') {
  await page.goto(loginPath);
  if (process.env['E2E_DEBUG']) await page.screenshot({ path: `/tmp/login-${email}.png` });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === '/' || url.pathname.startsWith('/admin/login'));
}

/** Puts a file in the labelled file input (required labels carry a trailing asterisk). */
export async function chooseFile(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByLabel(new RegExp(`^${escaped}( \\*)?$`)).setInputFiles(file);
}

export const samplePdf = {
  name: 'licence.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
};
export const samplePng = {
  name: 'photo.png',
  mimeType: 'image/png',
  buffer: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
};
