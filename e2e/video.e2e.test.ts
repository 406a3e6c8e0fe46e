import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { approvedDoctorViaApi, bookFirstFreeSlot, getJson, publishRoundTheClock, verifiedAccount } from './support/api-setup.ts';
import { baseUrl, launchBrowser } from './support/browser.ts';
import { logIn } from './support/ui.ts';

/** Two Chromium processes, one per participant, each with a fake camera and microphone. */
const browsers: Browser[] = [];
beforeAll(async () => {
  browsers.push(await launchBrowser(), await launchBrowser());
});
afterAll(async () => {
  await Promise.all(browsers.map((b) => b.close()));
});

/** Keeps every RTCPeerConnection the page makes, so the test can read its state and stats. */
const TRACK_CONNECTIONS = () => {
  const Native = window.RTCPeerConnection;
  const made: RTCPeerConnection[] = [];
  (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs = made;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      made.push(this);
    }
  } as typeof RTCPeerConnection;
};

async function participant(browser: Browser, email: string, viewport = { width: 1280, height: 860 }): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, permissions: ['microphone', 'camera'] });
  await context.addInitScript(TRACK_CONNECTIONS);
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  if (process.env['E2E_DEBUG']) {
    page.on('console', (message) => console.log(email, message.type(), message.text()));
    onTestFailed(() => page.screenshot({ path: `/tmp/video-e2e-${email}.png`, fullPage: true }).then(() => undefined));
  }
  await logIn(page, email);
  return page;
}

/** The newest peer connection's state and the video frames it has decoded so far. */
const callStats = (page: Page) =>
  page.evaluate(async () => {
    const pcs = (window as unknown as { __pcs: RTCPeerConnection[] }).__pcs;
    const pc = pcs.at(-1);
    if (!pc) return { state: 'none', framesDecoded: 0 };
    let framesDecoded = 0;
    (await pc.getStats()).forEach((report: Record<string, unknown>) => {
      if (report['type'] === 'inbound-rtp' && report['kind'] === 'video') framesDecoded += Number(report['framesDecoded'] ?? 0);
    });
    return { state: pc.connectionState, framesDecoded };
  });

describe('video consultation in the browser', () => {
  it('patient and doctor join the same appointment, see each other, and the appointment records the call', async () => {
    const doctorName = `Dr Video ${Date.now() % 100000}`;
    const doctor = await approvedDoctorViaApi(doctorName);
    await publishRoundTheClock(doctor.token);
    const patient = await verifiedAccount('patient', 'Meera Nair');
    const appointment = await bookFirstFreeSlot(doctor.id, patient.token, 'Follow-up on blood pressure');

    // The patient goes in from the appointment's page, checks the devices and joins: the doctor is not there yet.
    const pat = await participant(browsers[0]!, patient.email);
    await pat.goto(`/patient/appointments/${appointment.id}`);
    await pat.getByRole('link', { name: 'Join consultation' }).click();
    await pat.waitForURL(/\/room$/);
    await pat.getByRole('heading', { name: 'Check your camera and microphone' }).waitFor();
    // The fake camera is listed and chosen, and its picture shows.
    await expect.poll(() => pat.getByRole('textbox', { name: 'Camera' }).inputValue()).not.toBe('');
    await expect.poll(() => pat.getByLabel('Your camera preview').evaluate((v: HTMLVideoElement) => v.videoWidth > 0)).toBe(true);
    await pat.getByRole('button', { name: 'Join consultation' }).click();
    await pat.getByText(`${doctorName} will join shortly.`).waitFor();

    // The doctor sees from today's schedule that the room is open, and that the patient waits.
    const doc = await participant(browsers[1]!, doctor.email);
    await doc.getByRole('status').filter({ hasText: 'Patient waiting' }).waitFor();
    await doc.getByRole('link', { name: 'Join consultation' }).first().click();
    await doc.getByText('Your patient Meera Nair is in the waiting room.').waitFor();
    await doc.getByText('Follow-up on blood pressure').first().waitFor();
    await doc.getByText('This is their first consultation with you.').waitFor();
    const joinedAt = Date.now();
    await doc.getByRole('button', { name: 'Join consultation' }).click();

    // Both reach `connected` and decode the other's video.
    await expect.poll(async () => (await callStats(doc)).state, { timeout: 20_000 }).toBe('connected');
    await expect.poll(async () => (await callStats(pat)).state, { timeout: 20_000 }).toBe('connected');
    const connectedMs = Date.now() - joinedAt;
    console.log(`[video e2e] time from the doctor's join to both connected: ${connectedMs} ms`);
    for (const page of [pat, doc]) {
      const first = (await callStats(page)).framesDecoded;
      await expect.poll(async () => (await callStats(page)).framesDecoded, { timeout: 10_000 }).toBeGreaterThan(first + 10);
    }
    await doc
      .getByRole('status')
      .filter({ hasText: /connection$/ })
      .first()
      .waitFor();
    await pat.getByRole('timer', { name: /^Call time/ }).waitFor();

    // Mute shows as pressed; on a phone the call still fits the screen.
    await pat.getByRole('button', { name: 'Mute microphone' }).click();
    await pat.getByRole('button', { name: 'Mute microphone', pressed: true }).waitFor();
    await pat.setViewportSize({ width: 375, height: 740 });
    await pat.getByRole('button', { name: 'Leave the consultation' }).waitFor();
    // (once the layout has settled: the side navigation slides away)
    await expect.poll(() => pat.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The patient's tab reloads: the doctor waits, the patient joins again, and they are back in a call.
    await pat.setViewportSize({ width: 1280, height: 860 });
    await pat.reload();
    await doc.getByText('Waiting for Meera Nair to join…').waitFor();
    await pat.getByRole('button', { name: 'Join consultation' }).click();
    const rejoinedAt = Date.now();
    for (const page of [pat, doc]) {
      await expect.poll(async () => (await callStats(page)).state, { timeout: 20_000 }).toBe('connected');
      const first = (await callStats(page)).framesDecoded;
      await expect.poll(async () => (await callStats(page)).framesDecoded, { timeout: 10_000 }).toBeGreaterThan(first + 10);
    }
    console.log(`[video e2e] time from the patient's rejoin to both decoding video again: ${Date.now() - rejoinedAt} ms`);

    // The doctor leaves: the patient sees it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await doc.getByRole('button', { name: 'Leave the consultation' }).click();
    await doc.getByText('You left the consultation').waitFor();
    await pat.getByText(`${doctorName} will join shortly.`).waitFor();

    // The appointment records both joins, the doctor's leave and the call's duration.
    const { appointment: recorded } = await getJson(`/api/v1/appointments/${appointment.id}`, patient.token);
    const consultation = recorded.consultation;
    expect(consultation.attendance.map((s: { side: string }) => s.side)).toEqual(['patient', 'doctor', 'patient']);
    expect(consultation.attendance[1].leftAt).toBeDefined();
    expect(consultation.startedAt).toBeDefined();
    expect(consultation.endedAt).toBeDefined();
    expect(consultation.durationSeconds).toBeGreaterThanOrEqual(1);
    expect(consultation.present).toEqual(['patient']);
  });
});
