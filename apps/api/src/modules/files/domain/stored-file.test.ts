import { describe, expect, it } from 'vitest';
import {
  attachedObjectKey,
  checkCopiedObject,
  checkUploadedObject,
  mayUpload,
  objectKey,
  type StoredFile,
} from './stored-file.ts';

const file: StoredFile = {
  id: 'f1',
  ownerId: 'u1',
  purpose: 'kyc-document',
  key: 'kyc-document/u1/f1',
  contentType: 'application/pdf',
  size: 1000,
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

  it('puts attached copies under their own prefix, one key per attempt', () => {
    expect(attachedObjectKey(file, 'n1')).toBe('attached/kyc-document/u1/f1/n1');
    expect(attachedObjectKey(file, 'n2')).not.toBe(attachedObjectKey(file, 'n1'));
    expect(attachedObjectKey(file, 'n1').startsWith(objectKey(file.purpose, file.ownerId, file.id))).toBe(false);
  });

  it('accepts a copy only if it is the declared object the copy produced', () => {
    const copy = { size: 1000, contentType: 'application/pdf', etag: '"abc"' };
    expect(checkCopiedObject(file, '"abc"', copy)).toBe('ok');
    expect(checkCopiedObject(file, '"abc"', null)).toBe('missing');
    expect(checkCopiedObject(file, '"abc"', { ...copy, size: 1001 })).toBe('size-mismatch');
    expect(checkCopiedObject(file, '"abc"', { ...copy, contentType: 'image/png' })).toBe('type-mismatch');
    expect(checkCopiedObject(file, '"def"', copy)).toBe('changed');
  });
});
