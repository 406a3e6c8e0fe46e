import type { OwnDoctor, SubmitKycRequest } from '@doctime/contracts';
import type { Path } from 'react-hook-form';
import { numberOrUndefined } from '../../../lib/form-resolver';

export type KycDocumentKind = 'identity' | 'license' | 'degree';

/** What the KYC form holds: file ids of uploaded documents, inputs as typed. */
export interface KycFormValues {
  registrationNumber: string;
  council: string;
  registrationYear: number | string;
  documents: Record<KycDocumentKind, string | null>;
}

export const KYC_FIELDS: readonly Path<KycFormValues>[] = [
  'registrationNumber',
  'council',
  'registrationYear',
  'documents.identity',
  'documents.license',
  'documents.degree',
];

export function kycFormValues(doctor: OwnDoctor): KycFormValues {
  const { kyc } = doctor;
  return {
    registrationNumber: kyc.registrationNumber ?? '',
    council: kyc.council ?? '',
    registrationYear: kyc.registrationYear ?? '',
    documents: {
      identity: kyc.documents?.identity ?? null,
      license: kyc.documents?.license ?? null,
      degree: kyc.documents?.degree ?? null,
    },
  };
}

export function toKycRequest(values: KycFormValues): SubmitKycRequest {
  return {
    registrationNumber: values.registrationNumber,
    council: values.council,
    // Left empty, these fail validation with the contract's messages.
    registrationYear: numberOrUndefined(values.registrationYear) as number,
    documents: {
      identity: values.documents.identity ?? '',
      license: values.documents.license ?? '',
      ...(values.documents.degree ? { degree: values.documents.degree } : {}),
    },
  };
}
