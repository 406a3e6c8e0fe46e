import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminWithCli, uniqueEmail } from './support/accounts.ts';
import { launchBrowser, newPage } from './support/browser.ts';
import { chooseFile, logIn, logOut, samplePdf, samplePng, signUpAndVerify } from './support/ui.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function pickOption(page: Page, label: string, option: string) {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function addTag(page: Page, label: string, value: string) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
}

describe('doctor verification in the browser', () => {
  it('doctor submits KYC, admin approves, patient finds the doctor, admin blocks and the doctor disappears', async () => {
    const doctorName = `Dr Meera ${Date.now() % 100000}`;
    const doctorEmail = uniqueEmail('kyc-doctor');
    const doctor = await newPage(browser);

    // Doctor: sign up, profile, documents, submit.
    await signUpAndVerify(doctor, 'Doctor', doctorName, doctorEmail);
    await logIn(doctor, doctorEmail);
    await doctor.getByText('Get verified').waitFor();
    await doctor.goto('/doctor/profile');
    await doctor.getByText('Not verified yet').waitFor();
    await pickOption(doctor, 'Specialty', 'Dermatology');
    await addTag(doctor, 'Qualifications', 'MBBS');
    await doctor.getByRole('textbox', { name: 'Years of experience', exact: true }).fill('9');
    await addTag(doctor, 'Languages', 'English');
    await doctor.getByRole('textbox', { name: 'Consultation fee', exact: true }).fill('700');
    await doctor
      .getByRole('textbox', { name: 'Bio', exact: true })
      .fill('Dermatologist treating acne, eczema and psoriasis for nine years.');
    await chooseFile(doctor, 'Profile photo', samplePng);
    await doctor.getByRole('img', { name: 'Your photo' }).waitFor();
    await doctor.getByRole('button', { name: 'Save profile' }).click();
    await doctor.getByText('Profile saved').waitFor();

    await doctor.getByRole('tab', { name: 'KYC' }).click();
    await doctor.getByRole('textbox', { name: 'Registration number', exact: true }).fill('DMC-2016-4471');
    await doctor.getByRole('textbox', { name: 'Issuing council', exact: true }).fill('Delhi Medical Council');
    await doctor.getByRole('textbox', { name: 'Registration year', exact: true }).fill('2016');
    await chooseFile(doctor, 'Identity document', samplePng);
    await chooseFile(doctor, 'Licence document', samplePdf);
    await doctor.getByText('Uploaded').nth(1).waitFor();
    await doctor.getByRole('button', { name: 'Submit for review' }).click();
    await doctor.getByText('Submitted for review').waitFor();
    await doctor.getByText('Pending review').first().waitFor();

    // Admin: approve from the queue, looking at the documents inline.
    const adminEmail = uniqueEmail('kyc-admin');
    expect(createAdminWithCli(adminEmail).status).toBe(0);
    const admin = await newPage(browser);
    await logIn(admin, adminEmail, '/admin/login');
    await admin.goto('/admin/kyc');
    await admin.getByRole('link', { name: doctorName }).click();
    await admin.getByRole('img', { name: 'Identity document' }).waitFor();
    await admin.locator('iframe[title="Licence document"]').waitFor();
    await admin.getByRole('button', { name: 'Approve' }).click();
    await admin.getByRole('button', { name: 'Confirm approval' }).click();
    await admin.getByText('Decision saved').waitFor();

    // Patient: find by specialty, open the profile.
    const patient = await newPage(browser);
    const patientEmail = uniqueEmail('finder');
    await signUpAndVerify(patient, 'Patient', 'Farah Finder', patientEmail);
    await logIn(patient, patientEmail);
    await patient.goto('/patient/doctors');
    await patient.getByText('Dermatology', { exact: true }).first().click();
    await patient.getByLabel('Search doctors').fill(doctorName);
    await patient.getByRole('link', { name: doctorName }).first().click();
    await patient.getByRole('heading', { name: doctorName }).waitFor();

    // Admin blocks the doctor; the patient no longer finds them.
    await admin.goto('/admin/users');
    await admin.getByLabel('Search users').fill(doctorEmail);
    await admin
      .getByRole('row', { name: new RegExp(doctorName) })
      .getByRole('button', { name: 'Block', exact: true })
      .click();
    await admin.getByRole('textbox', { name: 'Reason', exact: true }).fill('Licence could not be confirmed with the council');
    await admin.getByRole('button', { name: 'Block user' }).click();
    await admin
      .getByRole('row', { name: new RegExp(doctorName) })
      .getByText('Blocked')
      .waitFor();

    await patient.goto(`/patient/doctors?q=${encodeURIComponent(doctorName)}`);
    await patient.getByText('No doctors match your search').waitFor();
    expect(await patient.getByRole('link', { name: doctorName }).count()).toBe(0);

    // The blocked doctor's session ends: the next request sends them to log in.
    await doctor.reload();
    await doctor.waitForURL(/\/login/);
    await logOut(admin);
    for (const p of [doctor, admin, patient]) await p.context().close();
  });
});
