import { makeKycDetails, makeKycQueue } from './admin-kyc.ts';
import { makeDecideKyc } from './decide-kyc.ts';
import { makeFindListedDoctor, makeGetPublicDoctor } from './get-public-doctor.ts';
import { makeGetOwnDoctor } from './get-own-doctor.ts';
import { makeMirrorAccountBlock } from './mirror-account-block.ts';
import type { DoctorsDeps } from './ports.ts';
import { makeSearchDoctors } from './search-doctors.ts';
import { makeSubmitKyc } from './submit-kyc.ts';
import { makeUpdateProfile } from './update-profile.ts';

export function makeDoctorsUseCases(deps: DoctorsDeps) {
  return {
    listSpecialties: () => deps.specialties.list(),
    getOwnDoctor: makeGetOwnDoctor(deps),
    updateProfile: makeUpdateProfile(deps),
    submitKyc: makeSubmitKyc(deps),
    decideKyc: makeDecideKyc(deps),
    kycQueue: makeKycQueue(deps),
    kycDetails: makeKycDetails(deps),
    searchDoctors: makeSearchDoctors(deps),
    getPublicDoctor: makeGetPublicDoctor(deps),
    findListedDoctor: makeFindListedDoctor(deps),
    mirrorAccountBlock: makeMirrorAccountBlock(deps),
  };
}
export type DoctorsUseCases = ReturnType<typeof makeDoctorsUseCases>;
