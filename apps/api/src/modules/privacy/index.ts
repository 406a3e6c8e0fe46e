import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { EffectHandler } from '../../platform/outbox/outbox.ts';
import { ERASE_PERSONAL_DATA } from './application/delete-my-account.ts';
import type { PrivacyDeps } from './application/ports.ts';
import { makePrivacyUseCases } from './application/use-cases.ts';
import { privacyRouter, type PrivacyLimits } from './http/privacy.routes.ts';
import { makeZipArchiver } from './infrastructure/zip-archiver.ts';

export type { PersonalDataSource } from './application/ports.ts';

/**
 * Wires privacy: a patient's data export and account deletion, across the
 * modules that hold personal data (`sources`, one PersonalDataSource each).
 * It stores nothing of its own: a deletion lives in the outbox until done.
 */
export function makePrivacyModule(deps: Omit<PrivacyDeps, 'archiver'>, guards: AuthGuards, limits: PrivacyLimits) {
  const useCases = makePrivacyUseCases({ ...deps, archiver: makeZipArchiver() });
  const effectHandlers: Record<string, EffectHandler> = {
    [ERASE_PERSONAL_DATA]: ({ userId }) => useCases.erasePersonalData(String(userId)),
  };
  return { useCases, router: privacyRouter(useCases, guards, limits), effectHandlers };
}
