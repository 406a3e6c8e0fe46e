import { describe, expect, it } from 'vitest';
import { messageOf } from './test-messages';
import {
  initialThreadState,
  lastSeq,
  mergeMessages,
  sendRequestOf,
  threadReducer,
  type PendingMessage,
  type ThreadState,
} from './thread-state';

const pending = (clientId: string, over: Partial<PendingMessage> = {}): PendingMessage => ({
  clientId,
  kind: 'text',
  text: 'hello',
  createdAt: '2026-03-03T10:30:00.000Z',
  stage: 'sending',
  ...over,
});

const ready = (over: Partial<ThreadState> = {}): ThreadState => ({ ...initialThreadState, status: 'ready', ...over });

describe('mergeMessages', () => {
  it('keeps each message once, in ascending seq, whatever the order it arrived in', () => {
    const merged = mergeMessages(
      [messageOf(3), messageOf(1)].sort((a, b) => a.seq - b.seq),
      [messageOf(2), messageOf(3), messageOf(5)],
    );
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 5]);
  });

  it('returns the same list when nothing arrived', () => {
    const held = [messageOf(1)];
    expect(mergeMessages(held, [])).toBe(held);
  });
});

describe('threadReducer', () => {
  it('loads the latest page, then older pages before it, and knows the last seq', () => {
    let state = threadReducer(initialThreadState, { type: 'latest', items: [messageOf(4), messageOf(5)], hasMore: true });
    expect(state).toMatchObject({ status: 'ready', hasOlder: true });
    state = threadReducer(state, { type: 'older', items: [messageOf(2), messageOf(3)], hasMore: false });
    expect(state.messages.map((m) => m.seq)).toEqual([2, 3, 4, 5]);
    expect(state.hasOlder).toBe(false);
    expect(lastSeq(state)).toBe(5);
    expect(lastSeq(initialThreadState)).toBe(0);
  });

  it('replaces a pending message by the server copy with the same client id (live or catch-up)', () => {
    let state = ready({ messages: [messageOf(1)] });
    state = threadReducer(state, { type: 'queued', pending: pending('abc') });
    state = threadReducer(state, { type: 'queued', pending: pending('def') });
    state = threadReducer(state, { type: 'received', items: [messageOf(2, { clientId: 'abc', senderId: 'patient-1' })] });
    expect(state.pending.map((p) => p.clientId)).toEqual(['def']);
    expect(state.messages.map((m) => m.seq)).toEqual([1, 2]);
    // The same message again (the ack and the live event both bring it) changes nothing.
    const again = threadReducer(state, { type: 'received', items: [messageOf(2, { clientId: 'abc', senderId: 'patient-1' })] });
    expect(again.messages).toHaveLength(2);
  });

  it('tracks an upload, a failure and a retry of one pending message', () => {
    let state = ready();
    state = threadReducer(state, { type: 'queued', pending: pending('img', { kind: 'image', stage: 'uploading', progress: 0 }) });
    state = threadReducer(state, { type: 'progress', clientId: 'img', progress: 40 });
    expect(state.pending[0]).toMatchObject({ stage: 'uploading', progress: 40 });
    state = threadReducer(state, { type: 'failed', clientId: 'img', error: 'The upload did not get through.' });
    expect(state.pending[0]).toMatchObject({ stage: 'failed', error: 'The upload did not get through.' });
    // Retrying before the file was stored uploads again; after, it only sends.
    state = threadReducer(state, { type: 'sending', clientId: 'img' });
    expect(state.pending[0]).toMatchObject({ stage: 'uploading', error: undefined });
    state = threadReducer(state, { type: 'uploaded', clientId: 'img', fileId: 'file-1' });
    state = threadReducer(state, { type: 'failed', clientId: 'img', error: 'Offline' });
    state = threadReducer(state, { type: 'sending', clientId: 'img' });
    expect(state.pending[0]).toMatchObject({ stage: 'sending', fileId: 'file-1' });
    state = threadReducer(state, { type: 'discarded', clientId: 'img' });
    expect(state.pending).toEqual([]);
  });

  it('shows a load error only while nothing is on screen', () => {
    expect(threadReducer(initialThreadState, { type: 'loadFailed', error: 'boom' })).toMatchObject({
      status: 'error',
      error: 'boom',
    });
    const shown = ready({ messages: [messageOf(1)] });
    expect(threadReducer(shown, { type: 'loadFailed', error: 'boom' })).toBe(shown);
  });
});

describe('sendRequestOf', () => {
  it('shapes the request by kind: text, a file with its id, a recording with its whole-millisecond length', () => {
    expect(sendRequestOf(pending('t1', { text: 'Hi 😀' }), undefined)).toEqual({ clientId: 't1', kind: 'text', text: 'Hi 😀' });
    expect(sendRequestOf(pending('i1', { kind: 'image', text: undefined }), 'f1')).toEqual({
      clientId: 'i1',
      kind: 'image',
      fileId: 'f1',
    });
    expect(sendRequestOf(pending('a1', { kind: 'audio', text: undefined, durationMs: 2412.6 }), 'f2')).toEqual({
      clientId: 'a1',
      kind: 'audio',
      fileId: 'f2',
      durationMs: 2413,
    });
    expect(() => sendRequestOf(pending('v1', { kind: 'video' }), undefined)).toThrow();
  });
});
