import { makeDeleteMyAccount } from './delete-my-account.ts';
import { makeErasePersonalData } from './erase-personal-data.ts';
import { makeExportMyData } from './export-my-data.ts';
import type { PrivacyDeps } from './ports.ts';

/** The patient's rights over their data: a copy of it, and its erasure with the account. */
export function makePrivacyUseCases(deps: PrivacyDeps) {
  return {
    exportMyData: makeExportMyData(deps),
    deleteMyAccount: makeDeleteMyAccount(deps),
    erasePersonalData: makeErasePersonalData(deps),
  };
}
export type PrivacyUseCases = ReturnType<typeof makePrivacyUseCases>;
