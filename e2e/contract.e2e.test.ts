import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { endpoints, type Endpoint, type Role } from '@doctime/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvedDoctorViaApi, publishDailyHours, signedInAdmin, verifiedAccount } from './support/api-setup.ts';
import { baseUrl } from './support/browser.ts';

/**
 * The API keeps its published contract. Schemathesis generates requests from
 * GET /api/v1/openapi.json, once per role with that role's operations and
 * token, and fails the test on any 5xx, any answer that breaks its schema,
 * status list or content type, any schema-valid request refused without a
 * documented reason (e2e/schemathesis.toml), any secured operation that
 * ignores a missing token, and any undeclared method not answered 405.
 */
const root = path.resolve(import.meta.dirname, '..');
const schemathesis = path.join(root, '.tools/venv/bin/schemathesis');
/** Where it runs, so its own files (Hypothesis' data) stay out of the work tree, and its dictionary. */
const workDir = path.join(root, '.data/test/schemathesis');
const slotStartsFile = path.join(workDir, 'slot-starts.dict');
/** Per role; schemathesis keeps generating until it is spent. */
const SECONDS_PER_ROLE = 50;
const CHECKS = [
  'not_a_server_error',
  'response_schema_conformance',
  'status_code_conformance',
  'content_type_conformance',
  'positive_data_acceptance',
  'ignored_auth',
  'unsupported_method',
];

/**
 * Left out: a successful password change ends the token's other sessions, and
 * a drawn current password is never right, so generated requests learn nothing.
 */
const EXCLUDED = new Set(['changePassword']);

/** Public and cookie operations run once, with the patient; `user` ones with every role. */
const servedTo = (e: Endpoint, role: Role) =>
  Array.isArray(e.access) ? e.access.includes(role) : e.access === 'user' || role === 'patient';

function operationsOf(role: Role) {
  return endpoints.filter((e) => servedTo(e, role) && !EXCLUDED.has(e.operationId)).map((e) => e.operationId);
}

function runSchemathesis(role: Role, token: string, doctorId: string): Promise<{ code: number | null; output: string }> {
  const args = [
    '--config-file',
    path.join(import.meta.dirname, 'schemathesis.toml'),
    'run',
    `${baseUrl()}/api/v1/openapi.json`,
    '--checks',
    CHECKS.join(','),
    '--header',
    `Authorization: Bearer ${token}`,
    '--max-examples',
    '20',
    '--max-time',
    String(SECONDS_PER_ROLE),
    '--request-timeout',
    '10',
    // One worker: with two, Python 3.11's ast.parse (Hypothesis describing strategies) fails in threads.
    '--workers',
    '1',
    '--no-color',
    '--output-truncate',
    'false',
    ...operationsOf(role).flatMap((id) => ['--include-operation-id', id]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesis, args, { cwd: workDir, env: { ...process.env, DOCTOR_ID: doctorId } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (err) =>
      reject(new Error(`cannot run ${schemathesis} (npm test installs it): ${err.message}`, { cause: err })),
    );
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** "Test cases:\n  1698 generated, ..." and the closing "... in 50.08s" line, for the log. */
function summaryOf(output: string) {
  const cases = /Test cases:\s*\n\s*(.+)/.exec(output)?.[1]?.trim();
  const closing = output.trim().split('\n').at(-1)?.replace(/=/g, '').trim();
  return `${cases ?? '?'}; ${closing ?? ''}`;
}

/** The doctor's free slot starts in the next week, as the libFuzzer dictionary e2e/schemathesis.toml reads. */
async function writeSlotStartsDictionary(doctorId: string) {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${baseUrl()}/api/v1/doctors/${doctorId}/slots?from=${day(1)}&to=${day(7)}&tz=UTC`);
  const { days } = (await res.json()) as { days: { slots: { start: string }[] }[] };
  const starts = days.flatMap((d) => d.slots.map((s) => s.start));
  expect(starts.length).toBeGreaterThan(0);
  mkdirSync(workDir, { recursive: true });
  writeFileSync(slotStartsFile, starts.map((s) => `"${s}"\n`).join(''));
}

let tokens: Record<Role, string>;
let doctorId: string;
beforeAll(async () => {
  const patient = await verifiedAccount('patient', 'Pat Contract');
  const doctor = await approvedDoctorViaApi('Dr Contract');
  await publishDailyHours(doctor.token);
  await writeSlotStartsDictionary(doctor.id);
  const admin = await signedInAdmin();
  tokens = { patient: patient.token, doctor: doctor.token, admin: admin.token };
  doctorId = doctor.id;
});

describe('the API keeps its OpenAPI contract (schemathesis)', () => {
  // In this order: the doctor's run may resubmit KYC (the doctor is then no longer listed, and
  // the patient's slot listings would 404), and the admin's may block the other two.
  it.each(['patient', 'doctor', 'admin'] as const)(
    'as %s',
    async (role) => {
      const { code, output } = await runSchemathesis(role, tokens[role], doctorId);
      console.log(`schemathesis as ${role}: ${summaryOf(output)}`);
      expect(code, output).toBe(0);
    },
    (SECONDS_PER_ROLE + 60) * 1000,
  );
});
