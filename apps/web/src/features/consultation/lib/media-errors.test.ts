import { describe, expect, it } from 'vitest';
import { mediaErrorMessage } from './media-errors';

describe('mediaErrorMessage', () => {
  it.each([
    ['NotAllowedError', /blocked/],
    ['NotFoundError', /No camera or microphone/],
    ['NotReadableError', /in use by another app/],
    ['TypeError', /could not be started/],
  ])('%s -> %s', (name, message) => {
    expect(mediaErrorMessage(new DOMException('x', name))).toMatch(message);
  });
});
