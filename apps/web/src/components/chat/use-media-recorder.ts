import { useCallback, useEffect, useRef, useState } from 'react';
import { bareMimeType, extensionOf, pickRecorderType } from './media-recording';

export type RecorderKind = 'audio' | 'video';

export interface Recording {
  file: File;
  durationMs: number;
  /** A local URL to play it back before sending. */
  url: string;
}

export type RecorderStatus = 'idle' | 'requesting' | 'ready' | 'recording' | 'recorded' | 'error';

function deviceProblem(error: unknown, kind: RecorderKind): string {
  const device = kind === 'audio' ? 'microphone' : 'camera and microphone';
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return `DocTime may not use your ${device}. Allow it in the browser's site settings and try again.`;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return `No ${device} was found on this device.`;
  if (name === 'NotReadableError') return `Your ${device} is in use by another app.`;
  return `Recording is not available in this browser.`;
}

/**
 * Records a voice note or a video clip with MediaRecorder: `open` asks for
 * the devices (a camera preview shows `stream`), `start` records up to
 * `maxMs`, `stop` yields `recording` (a File of a type the API accepts, with
 * its length), `reset` throws everything away and frees the devices.
 */
export function useMediaRecorder(kind: RecorderKind, maxMs: number) {
  const [status, setStatus] = useState<RecorderStatus>('idle');
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [recording, setRecording] = useState<Recording | null>(null);
  const [error, setError] = useState<string | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const timerRef = useRef<number | undefined>(undefined);
  const discardRef = useRef(false);
  /** Bumped by reset, so a device request still in flight is dropped. */
  const generation = useRef(0);

  const release = useCallback(() => {
    window.clearInterval(timerRef.current);
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    setStream(null);
  }, []);

  const open = useCallback(async (): Promise<MediaStream | null> => {
    if (streamRef.current) return streamRef.current;
    setStatus('requesting');
    setError(null);
    const asked = generation.current;
    try {
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') throw new Error('unsupported');
      const opened = await navigator.mediaDevices.getUserMedia(
        kind === 'audio'
          ? { audio: true }
          : { audio: true, video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } } },
      );
      if (asked !== generation.current) {
        opened.getTracks().forEach((track) => track.stop());
        return null;
      }
      streamRef.current = opened;
      setStream(opened);
      setStatus('ready');
      return opened;
    } catch (problem) {
      if (asked !== generation.current) return null;
      setError(deviceProblem(problem, kind));
      setStatus('error');
      return null;
    }
  }, [kind]);

  const start = useCallback(async () => {
    const source = await open();
    if (!source) return;
    const chosen = pickRecorderType(kind, (type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(source, chosen ? { mimeType: chosen } : undefined);
    const chunks: Blob[] = [];
    const startedAt = Date.now();
    discardRef.current = false;
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      release();
      recorderRef.current = null;
      if (discardRef.current) return;
      const type = bareMimeType(recorder.mimeType || chosen || `${kind}/webm`);
      const name = `${kind === 'audio' ? 'voice-note' : 'video-clip'}-${new Date(startedAt).toISOString().replace(/[:.]/g, '-')}`;
      const file = new File(chunks, `${name}.${extensionOf(type)}`, { type });
      setRecording({ file, durationMs: Math.min(Date.now() - startedAt, maxMs), url: URL.createObjectURL(file) });
      setStatus('recorded');
    };
    recorderRef.current = recorder;
    recorder.start(250);
    setElapsedMs(0);
    setStatus('recording');
    timerRef.current = window.setInterval(() => {
      const elapsed = Date.now() - startedAt;
      setElapsedMs(elapsed);
      if (elapsed >= maxMs && recorder.state !== 'inactive') recorder.stop();
    }, 200);
  }, [kind, maxMs, open, release]);

  const stop = useCallback(() => {
    const recorder = recorderRef.current;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    discardRef.current = true;
    const recorder = recorderRef.current;
    if (recorder && recorder.state !== 'inactive') recorder.stop();
    recorderRef.current = null;
    release();
    setRecording((previous) => {
      if (previous) URL.revokeObjectURL(previous.url);
      return null;
    });
    setElapsedMs(0);
    setError(null);
    setStatus('idle');
  }, [release]);

  useEffect(() => reset, [reset]);

  return { status, stream, elapsedMs, recording, error, open, start, stop, reset };
}
