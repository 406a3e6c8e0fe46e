import { uploadRules } from '@doctime/contracts';
import { describe, expect, it } from 'vitest';
import { acceptFor, checkUploadFile, describeUploadRule } from './upload';

const MB = 1024 * 1024;

/** A real File of `size` zero bytes. */
function fileOf(name: string, type: string, size: number): File {
  return new File([new Uint8Array(size)], name, { type });
}

describe('acceptFor', () => {
  it('lists the purpose’s content types for a file picker', () => {
    expect(acceptFor('kyc-document')).toBe('application/pdf,image/jpeg,image/png');
    expect(acceptFor('avatar')).toBe('image/jpeg,image/png,image/webp');
    expect(acceptFor('chat-media').split(',')).toEqual(uploadRules['chat-media'].contentTypes);
  });
});

describe('describeUploadRule', () => {
  it('names the types in words with the size limit', () => {
    expect(describeUploadRule('kyc-document')).toBe('PDF, JPEG or PNG, up to 10 MB');
    expect(describeUploadRule('avatar')).toBe('JPEG, PNG or WebP, up to 5 MB');
  });

  it('falls back to the MIME type for types without a friendly name', () => {
    const text = describeUploadRule('chat-media');
    expect(text).toMatch(/^JPEG, PNG, WebP, audio\/webm, /);
    expect(text).toMatch(/, video\/mp4 or PDF, up to 25 MB$/);
  });
});

describe('checkUploadFile', () => {
  it('accepts an allowed type up to the limit', () => {
    expect(checkUploadFile(fileOf('licence.pdf', 'application/pdf', 1), 'kyc-document')).toBeNull();
    expect(checkUploadFile(fileOf('scan.png', 'image/png', 10 * MB), 'kyc-document')).toBeNull();
    expect(checkUploadFile(fileOf('me.webp', 'image/webp', 5 * MB), 'avatar')).toBeNull();
    expect(checkUploadFile(fileOf('note.ogg', 'audio/ogg', 1024), 'chat-media')).toBeNull();
  });

  it('refuses a type the purpose does not take, naming the ones it does', () => {
    expect(checkUploadFile(fileOf('me.gif', 'image/gif', 1024), 'kyc-document')).toBe(
      '“me.gif” is not a file type we accept. Choose a PDF, JPEG or PNG file.',
    );
    expect(checkUploadFile(fileOf('cv.pdf', 'application/pdf', 1024), 'avatar')).toBe(
      '“cv.pdf” is not a file type we accept. Choose a JPEG, PNG or WebP file.',
    );
    // A file the browser cannot type has an empty type.
    expect(checkUploadFile(fileOf('scan', '', 1024), 'kyc-document')).toMatch(/is not a file type we accept/);
  });

  it('checks the type before the size', () => {
    expect(checkUploadFile(fileOf('empty.txt', 'text/plain', 0), 'kyc-document')).toMatch(/is not a file type we accept/);
  });

  it('refuses an empty file', () => {
    expect(checkUploadFile(fileOf('blank.pdf', 'application/pdf', 0), 'kyc-document')).toBe(
      '“blank.pdf” is empty. Choose another file.',
    );
  });

  it('refuses a file over the limit, giving both sizes', () => {
    expect(checkUploadFile(fileOf('big.pdf', 'application/pdf', 12 * MB), 'kyc-document')).toBe(
      '“big.pdf” is 12 MB; the limit is 10 MB. Choose a smaller file.',
    );
    expect(checkUploadFile(fileOf('me.jpg', 'image/jpeg', 5.5 * MB), 'avatar')).toBe(
      '“me.jpg” is 5.5 MB; the limit is 5 MB. Choose a smaller file.',
    );
    expect(checkUploadFile(fileOf('edge.png', 'image/png', 5 * MB + 1), 'avatar')).toMatch(/the limit is 5 MB/);
  });
});
