import { PersonalDataExport } from '@doctime/contracts';
import { AppError } from '../../../platform/app-error.ts';
import type { ArchiveEntry, ExportSection, PrivacyDeps, RetentionRule } from './ports.ts';

/** Every module's section, as it is while no source fills it (modules still to come). */
const EMPTY: Pick<PersonalDataExport, ExportSection> = {
  medicalProfile: null,
  appointments: [],
  prescriptions: [],
  messages: [],
  notifications: [],
};

/** Folders the zip always has, so a reader finds them even when empty. */
const FOLDERS = ['prescriptions/'];

function readme(exportedAt: string, rules: RetentionRule[]): string {
  const kept = rules.length
    ? rules.map((r) => `  - ${r.description} (marked "retainedUnder": "${r.id}")`)
    : ['  - nothing at the moment.'];
  return [
    'Your DocTime data',
    '=================',
    '',
    `Exported at ${exportedAt} (UTC). Everything DocTime stores about you is in this archive.`,
    '',
    'data.json       All your data, as JSON (times in UTC, ISO 8601):',
    '  account         your account: name, e-mail, phone, when it was created',
    '  medicalProfile  the medical profile you keep for your doctors',
    '  appointments    every appointment: doctor, times, status, your reason, and its history',
    '  prescriptions   the prescriptions your doctors wrote for you',
    '  messages        your conversations with your doctors, every message',
    '  notifications   what DocTime told you in the app',
    'prescriptions/  each prescription as a PDF, named by its id',
    '',
    'Deleting your account (Profile > Your data) erases or anonymises all of this. Doctors keep',
    'the appointments they had with you, showing "Deleted patient" and no reason. Kept because',
    'a rule obliges DocTime to keep them:',
    ...kept,
    '',
  ].join('\n');
}

/**
 * A patient's copy of everything stored about them (the right of access): a
 * zip of `data.json` (the contract's PersonalDataExport: the account, then one
 * section per module, each filled by its PersonalDataSource), README.txt and
 * the files modules add (prescription PDFs under `prescriptions/`). A doctor's
 * records are part of other people's care, so support exports them on request.
 */
export function makeExportMyData(deps: PrivacyDeps) {
  return async function exportMyData(caller: { userId: string; role: string }) {
    if (caller.role !== 'patient') {
      throw new AppError('FORBIDDEN', "A doctor's records are exported by DocTime support: write to support to ask for them.");
    }
    const exportedAt = deps.clock.now().toISOString();
    const [account, ...parts] = await Promise.all([
      deps.accounts.exportAccount(caller.userId),
      ...deps.sources.map(async (source) => ({ name: source.name, ...(await source.exportFor(caller.userId)) })),
    ]);
    const sections = Object.fromEntries(parts.map((part) => [part.name, part.data]));
    const data = PersonalDataExport.parse({ exportedAt, account, ...EMPTY, ...sections });
    const rules = deps.sources.flatMap((source) => (source.retention ? [source.retention.rule] : []));
    const entries: ArchiveEntry[] = [
      { path: 'data.json', content: JSON.stringify(data, null, 2) },
      { path: 'README.txt', content: readme(exportedAt, rules) },
      ...FOLDERS.map((path) => ({ path })),
      ...parts.flatMap((part) => part.files ?? []),
    ];
    return { fileName: `doctime-data-${exportedAt.slice(0, 10)}.zip`, content: deps.archiver.pack(entries) };
  };
}
