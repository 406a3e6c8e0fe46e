import { describe, expect, it } from 'vitest';
import { bareMimeType, checkChatFile, extensionOf, pickRecorderType } from './media-recording';

const MB = 1024 * 1024;

describe('recordings', () => {
  it('strips the codecs parameter the API does not accept', () => {
    expect(bareMimeType('audio/webm;codecs=opus')).toBe('audio/webm');
    expect(bareMimeType('Video/MP4; codecs="avc1.42E01E, mp4a.40.2"')).toBe('video/mp4');
    expect(bareMimeType('audio/mp4')).toBe('audio/mp4');
  });

  it('records in the first format the browser supports', () => {
    expect(pickRecorderType('audio', () => true)).toBe('audio/webm;codecs=opus');
    expect(pickRecorderType('audio', (type) => type === 'audio/mp4')).toBe('audio/mp4'); // Safari
    expect(pickRecorderType('video', (type) => type.startsWith('video/webm') && !type.includes('codecs'))).toBe('video/webm');
    expect(pickRecorderType('video', () => false)).toBeUndefined();
  });

  it('names the file after its container', () => {
    expect(extensionOf('audio/webm;codecs=opus')).toBe('webm');
    expect(extensionOf('video/mp4')).toBe('mp4');
  });
});

describe('checkChatFile', () => {
  it('finds the kind of an image, a PDF, a voice note and a clip', () => {
    expect(checkChatFile({ name: 'a.png', type: 'image/png', size: MB })).toEqual({ kind: 'image' });
    expect(checkChatFile({ name: 'a.pdf', type: 'application/pdf', size: MB })).toEqual({ kind: 'file' });
    expect(checkChatFile({ name: 'v.webm', type: 'audio/webm', size: MB })).toEqual({ kind: 'audio' });
    expect(checkChatFile({ name: 'c.mp4', type: 'video/mp4', size: 20 * MB })).toEqual({ kind: 'video' });
  });

  it('says why a file cannot be sent: its type, emptiness, or the limit of its kind', () => {
    expect(checkChatFile({ name: 'a.exe', type: 'application/x-msdownload', size: 10 })).toHaveProperty('problem');
    expect(checkChatFile({ name: 'a.png', type: 'image/png', size: 0 })).toEqual({ problem: '“a.png” is empty.' });
    expect(checkChatFile({ name: 'a.png', type: 'image/png', size: 11 * MB })).toEqual({
      problem: '“a.png” is 11 MB; the limit is 10 MB.',
    });
  });
});
