import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedDoctorViaApi, verifiedAccount } from './support/api-setup.ts';
import { launchBrowser, newPage } from './support/browser.ts';
import { logIn } from './support/ui.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PATIENT_ZONE = 'Asia/Kolkata';
/** A date far enough ahead to clear the default 2-hour notice, as the date strip labels it. */
const target = new Date(Date.now() + 3 * 86_400_000);
const stripLabel = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: PATIENT_ZONE })
  .format(target)
  .replace(',', '');

async function patientPage(email: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: process.env['E2E_BASE_URL'],
    timezoneId: PATIENT_ZONE,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await logIn(page, email);
  return page;
}

async function openDay(page: Page, doctorId: string) {
  await page.goto(`/patient/doctors/${doctorId}`);
  await page
    .getByRole('button', { name: new RegExp(stripLabel) })
    .first()
    .click();
}

describe('booking in the browser', () => {
  it('doctor publishes hours; a patient books and downloads the .ics; a slot taken meanwhile gets a friendly message; cancelling frees the time', async () => {
    const doctorName = `Dr Ravi ${Date.now() % 100000}`;
    const doctor = await approvedDoctorViaApi(doctorName, 'Europe/London');

    // Doctor sets weekly hours in the availability editor.
    const doctorPage = await newPage(browser);
    await logIn(doctorPage, doctor.email);
    await doctorPage.goto('/doctor/availability');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']) {
      await doctorPage.getByRole('switch', { name: day, exact: true }).check({ force: true });
    }
    await doctorPage.getByRole('button', { name: 'Save availability' }).click();
    await doctorPage.getByText('Availability saved').waitFor();
    await doctorPage.getByText('Preview (next 14 days)').waitFor();

    const first = await verifiedAccount('patient', 'Asha Booker');
    const second = await verifiedAccount('patient', 'Ben Watcher');
    const asha = await patientPage(first.email);
    await openDay(asha, doctor.id);
    await asha.getByText(/Times shown in Asia\/(Kolkata|Calcutta)/).waitFor(); // Chromium may say Calcutta
    // The doctor's first slot, London 09:00, shows as Kolkata time: 14:30 in winter, 13:30 in summer.
    const firstButton = asha.getByRole('button', { name: /^\d\d:\d\d$/ }).first();
    const firstSlot = (await firstButton.textContent())!.trim();
    expect(firstSlot).toMatch(/^1[34]:30$/);
    await firstButton.click();
    await asha.getByRole('dialog', { name: 'Confirm booking' }).waitFor();
    await asha.getByRole('textbox', { name: 'Reason for visit (optional)' }).fill('Recurring headaches');
    await asha.getByRole('button', { name: 'Book appointment' }).click();
    await asha.getByText('Your appointment is booked').waitFor();

    const [download] = await Promise.all([
      asha.waitForEvent('download'),
      asha.getByRole('button', { name: 'Add to calendar' }).click(),
    ]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('METHOD:REQUEST');

    await asha
      .getByRole('button', { name: 'View my appointments' })
      .or(asha.getByRole('link', { name: 'View my appointments' }))
      .first()
      .click();
    await asha.getByText(doctorName).first().waitFor();

    // The second patient finds the doctor among those free that day, but no longer sees the taken time.
    const ben = await patientPage(second.email);
    await ben.goto('/patient/doctors');
    await ben.getByLabel('Search doctors').fill(doctorName);
    await ben.getByLabel('Available on').fill(new Intl.DateTimeFormat('en-CA', { timeZone: PATIENT_ZONE }).format(target));
    await ben.getByRole('link', { name: doctorName }).first().waitFor();
    await openDay(ben, doctor.id);
    await ben
      .getByRole('button', { name: /^\d\d:\d\d$/ })
      .first()
      .waitFor();
    expect(await ben.getByRole('button', { name: firstSlot, exact: true }).count()).toBe(0);

    // A slot taken by someone else between viewing and booking: a friendly message, fresh slots.
    const rivalButton = ben.getByRole('button', { name: /^\d\d:\d\d$/ }).first();
    const rivalTime = (await rivalButton.textContent())!.trim();
    await rivalButton.click();
    await ben.getByRole('dialog', { name: 'Confirm booking' }).waitFor();
    const rival = await verifiedAccount('patient', 'Quick Rival');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: PATIENT_ZONE }).format(target);
    const free = await (
      await fetch(`${process.env['E2E_BASE_URL']}/api/v1/doctors/${doctor.id}/slots?from=${day}&to=${day}&tz=${PATIENT_ZONE}`)
    ).json();
    const hhmm = (iso: string) =>
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: PATIENT_ZONE }).format(
        new Date(iso),
      );
    const taken = free.days[0].slots.find((s: { start: string }) => hhmm(s.start) === rivalTime).start;
    const rivalBooking = await fetch(`${process.env['E2E_BASE_URL']}/api/v1/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rival.token}` },
      body: JSON.stringify({ doctorId: doctor.id, start: taken }),
    });
    expect(rivalBooking.status).toBe(201);
    await ben.getByRole('button', { name: 'Book appointment' }).click();
    await ben.getByText('Sorry, that time was just taken. Here are the latest free times.').waitFor();
    await ben
      .getByRole('button', { name: /^\d\d:\d\d$/ })
      .first()
      .waitFor();
    expect(await ben.getByRole('button', { name: rivalTime, exact: true }).count()).toBe(0);

    // The first patient cancels; the time is offered again.
    await asha.goto('/patient/appointments');
    await asha.getByRole('button', { name: 'Cancel', exact: true }).first().click();
    await asha.getByRole('textbox', { name: 'Reason', exact: true }).fill('Feeling better, thank you');
    await asha.getByRole('button', { name: 'Cancel appointment' }).click();
    await asha.getByText('Appointment cancelled').waitFor();

    await openDay(ben, doctor.id);
    await ben.getByRole('button', { name: firstSlot, exact: true }).waitFor();
    for (const p of [doctorPage, asha, ben]) await p.context().close();
  });
});
