import { SubmitKycRequest, type OwnDoctor } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import type { ResolverOptions } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { mappedResolver } from '../../../lib/form-resolver';
import { KYC_FIELDS, kycFormValues, toKycRequest, type KycFormValues } from './kyc-form-values';

function doctorWith(kyc: OwnDoctor['kyc']): OwnDoctor {
  return {
    id: 'd1',
    name: 'Dr Rao',
    email: 'rao@example.test',
    profile: null,
    profileComplete: false,
    kyc,
    history: [],
    listed: false,
  };
}

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as ResolverOptions<KycFormValues>;

describe('kycFormValues', () => {
  it('starts blank before anything was submitted', () => {
    expect(kycFormValues(doctorWith({ status: 'not_submitted' }))).toEqual({
      registrationNumber: '',
      council: '',
      registrationYear: '',
      documents: { identity: null, license: null, degree: null },
    });
  });

  it('shows what was submitted', () => {
    const values = kycFormValues(
      doctorWith({
        status: 'pending',
        registrationNumber: 'MCI-123',
        council: 'Medical Council of India',
        registrationYear: 2015,
        documents: { identity: 'f-id', license: 'f-lic' },
      }),
    );
    expect(values).toEqual({
      registrationNumber: 'MCI-123',
      council: 'Medical Council of India',
      registrationYear: 2015,
      documents: { identity: 'f-id', license: 'f-lic', degree: null },
    });
  });
});

describe('toKycRequest', () => {
  const filled: KycFormValues = {
    registrationNumber: 'MCI-123',
    council: 'Medical Council of India',
    registrationYear: '2015',
    documents: { identity: 'f-id', license: 'f-lic', degree: 'f-deg' },
  };

  it('sends the year as a number and every uploaded document', () => {
    expect(toKycRequest(filled)).toEqual({
      registrationNumber: 'MCI-123',
      council: 'Medical Council of India',
      registrationYear: 2015,
      documents: { identity: 'f-id', license: 'f-lic', degree: 'f-deg' },
    });
  });

  it('leaves out a missing degree and sends missing required documents as empty', () => {
    const request = toKycRequest({
      ...filled,
      registrationYear: '',
      documents: { identity: null, license: 'f-lic', degree: null },
    });
    expect(request.documents).toEqual({ identity: '', license: 'f-lic' });
    expect('degree' in request.documents).toBe(false);
    expect(request.registrationYear).toBeUndefined();
  });

  it('lets the contract report the form’s gaps on the form’s own fields', async () => {
    const resolver = mappedResolver(zodResolver(SubmitKycRequest), toKycRequest);
    const blank = kycFormValues(doctorWith({ status: 'not_submitted' }));
    const { errors } = await resolver(blank, undefined, resolverOptions);
    expect(errors).toMatchObject({
      registrationNumber: { message: 'Enter the registration number' },
      council: { message: 'Enter the issuing council' },
      registrationYear: { message: 'Enter the registration year' },
      documents: { identity: { message: 'Upload an identity document' }, license: { message: 'Upload the licence document' } },
    });
    expect(errors).not.toHaveProperty('documents.degree');

    const ok = await resolver(filled, undefined, resolverOptions);
    expect(ok.errors).toEqual({});
    expect(ok.values).toEqual(toKycRequest(filled));
  });

  it('names every field the server may report', () => {
    expect([...KYC_FIELDS].sort()).toEqual(
      ['council', 'documents.degree', 'documents.identity', 'documents.license', 'registrationNumber', 'registrationYear'].sort(),
    );
  });
});
