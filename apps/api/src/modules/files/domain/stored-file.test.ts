import { describe, expect, it } from 'vitest';
import { checkUploadedObject, mayUpload, objectKey, type StoredFile } from './stored-file.ts';

const file: StoredFile = {
  id: 'f1',
  ownerId: 'u1',
  purpose: 'kyc-document',
  key: 'kyc-document/u1/f1',
  contentType: 'application/pdf',
  size: 1000,
  status: 'pending',
  createdAt: new Date(0),
};

describe('stored files', () => {
  it('lets only doctors upload KYC documents', () => {
    expect(mayUpload('doctor', 'kyc-document')).toBe(true);
    expect(mayUpload('patient', 'kyc-document')).toBe(false);
    expect(mayUpload('admin', 'avatar')).toBe(false);
    expect(mayUpload('patient', 'avatar')).toBe(true);
  });

  it('builds keys by purpose and owner', () => {
    expect(objectKey('avatar', 'u1', 'f9')).toBe('avatar/u1/f9');
  });

  it('accepts only the object that was declared', () => {
    expect(checkUploadedObject(file, null)).toBe('missing');
    expect(checkUploadedObject(file, { size: 1000, contentType: 'application/pdf' })).toBe('ok');
    expect(checkUploadedObject(file, { size: 1000, contentType: 'application/pdf; charset=binary' })).toBe('ok');
    expect(checkUploadedObject(file, { size: 999, contentType: 'application/pdf' })).toBe('size-mismatch');
    expect(checkUploadedObject(file, { size: 1000, contentType: 'image/png' })).toBe('type-mismatch');
  });
});
