import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { approvedDoctorViaApi, publishDailyHours, verifiedAccount } from './support/api-setup.ts';
import { baseUrl, launchBrowser } from './support/browser.ts';
import { logIn, samplePng } from './support/ui.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A patient's booking through the public API (booking in the browser has its own test): the doctor's first free slot in 3 days. */
async function bookFirstSlot(doctorId: string, patientToken: string): Promise<string> {
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const slots = await (
    await fetch(`${baseUrl()}/api/v1/doctors/${doctorId}/slots?from=${day}&to=${day}&tz=Europe/London`)
  ).json();
  const res = await fetch(`${baseUrl()}/api/v1/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${patientToken}` },
    body: JSON.stringify({ doctorId, start: slots.days[0].slots[0].start }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).appointment.id;
}

/** A signed-in browser context (fake camera and microphone, allowed) that records every host it fetches from. */
async function signedIn(email: string, hosts: Set<string>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 860 },
    permissions: ['microphone', 'camera'],
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') hosts.add(url.hostname);
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (process.env['E2E_DEBUG']) {
    page.on('console', (message) => message.type() === 'error' && console.log(email, message.text()));
    onTestFailed(() => page.screenshot({ path: `/tmp/chat-e2e-${email}.png`, fullPage: true }).then(() => undefined));
  }
  await logIn(page, email);
  return { context, page };
}

/** The open thread's messages. */
const history = (page: Page) => page.getByRole('region', { name: 'Message history' });

describe('chat in the browser', () => {
  it('a patient and a doctor chat live: emoji, an image, a voice note, typing and read ticks, on a phone too; the bell shows the booking', async () => {
    const doctorName = `Dr Chat ${Date.now() % 100000}`;
    const patientName = 'Priya Chatterjee';
    const doctor = await approvedDoctorViaApi(doctorName);
    await publishDailyHours(doctor.token);
    const patient = await verifiedAccount('patient', patientName);
    const hosts = new Set<string>();

    // The doctor is signed in when the booking comes: the bell counts it live, without a reload.
    const { context: doctorContext, page: doc } = await signedIn(doctor.email, hosts);
    const bell = (label: string) => doc.getByRole('button', { name: label, exact: true });
    await bell('Notifications, 1 unread').waitFor(); // the KYC approval
    const appointmentId = await bookFirstSlot(doctor.id, patient.token);
    await bell('Notifications, 2 unread').click();
    const notice = doc.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: /New booking/ });
    expect(await notice.textContent()).toContain(patientName);
    await notice.click();
    await doc.waitForURL(/\/doctor\/appointments/);
    await bell('Notifications, 1 unread').waitFor();
    // The doctor moves on: the appointment's page shows its chat, which would read the message as it comes.
    await doc.getByRole('link', { name: 'Dashboard' }).click();

    // The patient writes from the appointment's page, with an emoji from the picker.
    const { context: patientContext, page: pat } = await signedIn(patient.email, hosts);
    await pat.goto(`/patient/appointments/${appointmentId}`);
    const patientBox = pat.getByRole('textbox', { name: `Message to ${doctorName}` });
    await patientBox.fill('Hello doctor ');
    await pat.getByRole('button', { name: 'Insert emoji' }).click();
    await pat.getByLabel('Search emoji').fill('grinning face');
    await pat.getByRole('gridcell', { name: 'Grinning face', exact: true }).first().click();
    await expect.poll(() => patientBox.inputValue(), { timeout: 5_000 }).toBe('Hello doctor 😀');
    await patientBox.press('Enter');
    await history(pat).getByText('Hello doctor 😀').waitFor();
    expect(await patientBox.inputValue()).toBe('');

    // The doctor finds it in Messages with an unread badge and opens it: the patient's tick turns to "read".
    await doc.getByRole('link', { name: /^Messages/ }).click();
    const item = doc.getByRole('navigation', { name: 'Conversations' }).getByRole('link', { name: new RegExp(patientName) });
    await item.getByLabel('1 unread').waitFor();
    await item.click();
    await history(doc).getByText('Hello doctor 😀').waitFor();
    await history(pat).getByRole('img', { name: 'Read' }).waitFor();

    // Typing shows on the other side; Enter sends.
    const doctorBox = doc.getByRole('textbox', { name: `Message to ${patientName}` });
    await doctorBox.pressSequentially('Good morning, how can I help?', { delay: 20 });
    await pat.getByText(`${doctorName} is typing…`).waitFor();
    await doctorBox.press('Enter');
    await history(pat).getByText('Good morning, how can I help?').waitFor();
    await pat.getByText(`${doctorName} is typing…`).waitFor({ state: 'detached' });

    // Searching the conversation finds words in it, whatever their case.
    await doc.getByRole('button', { name: 'Search this conversation' }).click();
    await doc.getByRole('textbox', { name: 'Search this conversation' }).fill('MORNING');
    await doc.getByRole('list', { name: 'Search results' }).getByText('Good morning, how can I help?').waitFor();
    await doc.getByRole('button', { name: 'Close search' }).click();

    // An image: previewed, uploaded, shown to the doctor from storage.
    await pat.locator('input[type="file"]').setInputFiles(samplePng);
    await pat
      .getByRole('group', { name: 'Attachment to send' })
      .getByRole('img', { name: `Preview of ${samplePng.name}` })
      .waitFor();
    await pat.getByRole('button', { name: 'Send image' }).click();
    const image = history(doc).getByRole('img', { name: `Image from ${patientName}` });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 15_000 })
      .toBe(true);

    // A voice note recorded from the (fake) microphone plays on the doctor's side.
    await pat.getByRole('button', { name: 'Record a voice note' }).click();
    await pat.getByRole('timer').filter({ hasText: '0:02' }).waitFor();
    await pat.getByRole('button', { name: 'Stop recording' }).click();
    await pat.getByRole('button', { name: 'Send voice note' }).click();
    const voice = history(doc).getByLabel(`Voice note from ${patientName}`);
    await voice.waitFor();
    await expect
      .poll(() => voice.evaluate((audio: HTMLAudioElement) => audio.readyState >= 1 && audio.duration > 0), { timeout: 15_000 })
      .toBe(true);
    // It plays: muted (no sound card), its clock moves.
    const played = await voice.evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true;
      await audio.play();
      await new Promise((resolve) => setTimeout(resolve, 700));
      audio.pause();
      return audio.currentTime;
    });
    expect(played).toBeGreaterThan(0);
    await history(doc)
      .getByText(/Voice note · 0:0[2-9]/)
      .waitFor();

    // Every tick of the patient's messages ends "read" once the doctor has the thread open.
    await expect
      .poll(() => history(pat).getByRole('img', { name: 'Read' }).count(), { timeout: 15_000 })
      .toBeGreaterThanOrEqual(3);

    // Nothing came from another host: the emoji data and the app are served by DocTime, media by its storage.
    expect([...hosts].every((host) => host === 'localhost' || host === '127.0.0.1')).toBe(true);

    // On a phone the list and the thread are two screens.
    await pat.setViewportSize({ width: 375, height: 740 });
    await pat.goto('/patient/messages');
    await pat
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('link', { name: new RegExp(doctorName) })
      .click();
    await history(pat).getByText('Good morning, how can I help?').waitFor();
    expect(await pat.getByRole('navigation', { name: 'Conversations' }).count()).toBe(0);
    await pat.getByRole('link', { name: 'Back to conversations' }).click();
    await pat.getByRole('navigation', { name: 'Conversations' }).waitFor();
    expect(await history(pat).count()).toBe(0);

    await doctorContext.close();
    await patientContext.close();
  });
});
