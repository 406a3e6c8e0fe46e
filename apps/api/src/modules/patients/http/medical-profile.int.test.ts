import { BSON, Binary, type Document } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, signedInAdmin } from '../../../test-support/accounts.ts';
import { ApiClient } from '../../../test-support/http-client.ts';
import { startTestApi, type TestApi } from '../../../test-support/test-api.ts';

/**
 * The patient's medical profile through the real API and database: only the
 * patient reads and writes it, it is stored as ciphertext only (heads and
 * versions), bad input changes nothing, saves from two tabs at once both
 * land, and erasure leaves no health data in any version.
 */
const PATH = '/api/v1/patients/me/profile';
const SEALED_SUBTYPE = 0x80;
const PROTECTED = ['dateOfBirth', 'sex', 'bloodGroup', 'allergies', 'conditions', 'medications', 'notes'];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const patient = async () => (await signedIn(api, 'patient')).c;
const rawDocs = async (patientId: string) => [
  ...(await api.db
    .collection<Document>('medical_profiles')
    .find({ _id: patientId as never })
    .toArray()),
  ...(await api.db.collection('medical_profiles_versions').find({ recordId: patientId }).toArray()),
];
const versionIds = async (patientId: string) =>
  (await api.db.collection('medical_profiles_versions').find({ recordId: patientId }).toArray()).map((d) => String(d._id)).sort();

function expectOk(res: { status: number; text: string }) {
  expect(res.status, res.text).toBe(200);
}

describe('medical profile', () => {
  it('is empty until saved, then reads back what was saved while the database holds only ciphertext', async () => {
    const { c, id } = await signedIn(api, 'patient');
    const empty = await c.get(PATH);
    expectOk(empty);
    expect(empty.body.profile).toEqual({
      patientId: id,
      version: 0,
      allergies: [],
      conditions: [],
      medications: [],
      updatedAt: null,
    });

    const body = {
      dateOfBirth: '1987-06-15',
      sex: 'female',
      bloodGroup: 'AB-',
      allergies: ['Penicillin-Qx', 'Latex-Qx'],
      conditions: ['Asthma-Qx'],
      medications: ['Salbutamol-Qx'],
      notes: 'Afraid of needles, faints easily',
    };
    const saved = await c.put(PATH, body);
    expectOk(saved);
    expect(saved.body.profile).toMatchObject({ ...body, patientId: id, version: 1 });
    const read = await c.get(PATH);
    expect(read.body.profile).toEqual(saved.body.profile);

    const docs = await rawDocs(id);
    expect(docs).toHaveLength(2); // the head and version 1
    const plaintexts = Object.values(body).flat();
    for (const doc of docs) {
      const bytes = Buffer.from(BSON.serialize(doc));
      for (const text of plaintexts) expect(bytes.includes(Buffer.from(text)), `${text} in ${String(doc._id)}`).toBe(false);
      const record = (doc['value'] ?? doc) as Document;
      for (const field of PROTECTED) {
        expect(record[field], field).toBeInstanceOf(Binary);
        expect((record[field] as Binary).sub_type).toBe(SEALED_SUBTYPE);
      }
    }
  });

  it('keeps fields left out, clears fields sent as null, and reports its key use for rotation', async () => {
    const c = await patient();
    expectOk(await c.put(PATH, { sex: 'male', notes: 'Pacemaker', allergies: ['Dust'] }));
    const changed = await c.put(PATH, { notes: null, bloodGroup: 'O+' });
    expectOk(changed);
    expect(changed.body.profile).toMatchObject({ version: 2, sex: 'male', bloodGroup: 'O+', allergies: ['Dust'] });
    expect(changed.body.profile).not.toHaveProperty('notes');
    // The same change again stores no version.
    expect((await c.put(PATH, { bloodGroup: 'O+' })).body.profile.version).toBe(2);

    const [store] = api.container.patients.protectedStores;
    expect(store!.name).toBe('medical_profiles');
    const use = await store!.keyUse();
    expect(Object.keys(use)).toEqual([api.config.dataKeys.current]);
  });

  it('answers only patients: 401 without a token, 403 for doctors and admins', async () => {
    const doctor = (await signedIn(api, 'doctor')).c;
    const admin = (await signedInAdmin(api)).c;
    const anonymous = new ApiClient(api.baseUrl);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { sex: 'other' }],
    ] as const) {
      expect((await anonymous.request(method, PATH, body)).status).toBe(401);
      for (const who of [doctor, admin]) {
        const res = await who.request(method, PATH, body);
        expect(res.status, res.text).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const { c, id } = await signedIn(api, 'patient');
    expectOk(await c.put(PATH, { allergies: ['Pollen'] }));
    const before = await rawDocs(id);
    const res = await c.put(PATH, {
      dateOfBirth: '2999-01-01',
      sex: 'yes',
      allergies: ['x'.repeat(101)],
      conditions: Array.from({ length: 31 }, (_, i) => `c${i}`),
      notes: 'n'.repeat(1001),
    });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.error.details.fieldErrors).sort()).toEqual([
      'allergies.0',
      'conditions',
      'dateOfBirth',
      'notes',
      'sex',
    ]);
    expect(await rawDocs(id)).toEqual(before);
    expect((await c.get(PATH)).body.profile).toMatchObject({ version: 1, allergies: ['Pollen'] });
  });

  it('applies saves made at once from several tabs, each on the version before it, losing none', async () => {
    const { c, id } = await signedIn(api, 'patient');
    const changes = [
      { dateOfBirth: '1990-01-02' },
      { sex: 'other' },
      { bloodGroup: 'B-' },
      { allergies: ['Nuts'] },
      { conditions: ['Migraine'] },
      { medications: ['Ibuprofen'] },
    ];
    const answers = await Promise.all(changes.map((change) => c.put(PATH, change)));
    for (const res of answers) expectOk(res);
    // Each save changed a field of its own, so each committed exactly one version.
    expect(answers.map((r) => r.body.profile.version).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const final = (await c.get(PATH)).body.profile;
    expect(final).toMatchObject({ version: changes.length, ...Object.assign({}, ...changes) });
    expect(await versionIds(id)).toEqual(changes.map((_, i) => `${id}:${i + 1}`));
  });

  it('lets the later of two saves of the same field win, with both versions committed', async () => {
    const { c, id } = await signedIn(api, 'patient');
    const answers = await Promise.all(['From the laptop', 'From the phone'].map((notes) => c.put(PATH, { notes })));
    for (const res of answers) expectOk(res);
    const last = answers.map((r) => r.body.profile).sort((a, b) => b.version - a.version)[0];
    expect((await c.get(PATH)).body.profile).toEqual(last);
    expect(last.version).toBe(2);
    expect(await versionIds(id)).toEqual([`${id}:1`, `${id}:2`]);
  });

  it('is erased for account deletion: empty, no value left in any version, and no later save', async () => {
    const { c, id } = await signedIn(api, 'patient');
    expectOk(await c.put(PATH, { dateOfBirth: '1970-03-04', allergies: ['Sulfa-Qx'] }));
    expectOk(await c.put(PATH, { notes: 'Diabetic-Qx' }));
    await api.container.patients.useCases.eraseMedicalProfile(id);

    expect(await api.container.patients.useCases.getMedicalProfile(id)).toMatchObject({
      version: 3,
      allergies: [],
      conditions: [],
      medications: [],
    });
    const versions = await api.db.collection('medical_profiles_versions').find({ recordId: id }).toArray();
    expect(versions.filter((v) => v['value']).map((v) => String(v._id))).toEqual([`${id}:3`]);
    expect(
      versions
        .filter((v) => v['erased'])
        .map((v) => String(v._id))
        .sort(),
    ).toEqual([`${id}:1`, `${id}:2`]);
    const head = await api.db.collection<Document>('medical_profiles').findOne({ _id: id as never });
    for (const field of ['dateOfBirth', 'notes']) expect(head).not.toHaveProperty(field);

    const late = await c.put(PATH, { notes: 'after deletion' });
    expect(late.status, late.text).toBe(409);
  });
});
