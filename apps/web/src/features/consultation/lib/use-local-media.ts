import { useCallback, useEffect, useRef, useState } from 'react';
import { mediaErrorMessage } from './media-errors';

export interface Devices {
  cameras: MediaDeviceInfo[];
  microphones: MediaDeviceInfo[];
}

/** Opens the camera and microphone (the chosen ones, else the defaults); a readable message when it cannot. */
async function openMedia(
  cameraId: string | null,
  microphoneId: string | null,
): Promise<{ stream: MediaStream; error?: never } | { stream?: never; error: string }> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { error: 'This browser cannot use a camera here. Open DocTime over https in a recent browser.' };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: cameraId ? { deviceId: { exact: cameraId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: microphoneId ? { deviceId: { exact: microphoneId } } : { echoCancellation: true, noiseSuppression: true },
    });
    return { stream };
  } catch (e) {
    return { error: mediaErrorMessage(e) };
  }
}

/**
 * The local camera and microphone: opened with the chosen devices (again when a choice
 * changes), the devices there are to choose from (labels appear once permission is given),
 * and a readable message when they cannot be opened. Tracks stop when the room closes.
 */
export function useLocalMedia() {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [devices, setDevices] = useState<Devices>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const current = useRef<MediaStream | null>(null);

  const listDevices = useCallback(async () => {
    const all = await navigator.mediaDevices.enumerateDevices();
    setDevices({
      cameras: all.filter((d) => d.kind === 'videoinput' && d.deviceId),
      microphones: all.filter((d) => d.kind === 'audioinput' && d.deviceId),
    });
  }, []);

  useEffect(() => {
    let cancelled = false;
    void openMedia(cameraId, microphoneId).then(async (opened) => {
      if (cancelled) return opened.stream?.getTracks().forEach((t) => t.stop());
      if (!opened.stream) return setError(opened.error);
      current.current?.getTracks().forEach((t) => t.stop());
      current.current = opened.stream;
      setStream(opened.stream);
      setError(null);
      await listDevices();
    });
    return () => {
      cancelled = true;
    };
  }, [cameraId, microphoneId, attempt, listDevices]);

  useEffect(() => {
    const changed = () => void listDevices();
    navigator.mediaDevices?.addEventListener('devicechange', changed);
    return () => navigator.mediaDevices?.removeEventListener('devicechange', changed);
  }, [listDevices]);

  useEffect(() => () => current.current?.getTracks().forEach((t) => t.stop()), []);

  return {
    stream,
    error,
    devices,
    cameraId: cameraId ?? stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null,
    microphoneId: microphoneId ?? stream?.getAudioTracks()[0]?.getSettings().deviceId ?? null,
    chooseCamera: setCameraId,
    chooseMicrophone: setMicrophoneId,
    retry: () => setAttempt((n) => n + 1),
  };
}
export type LocalMedia = ReturnType<typeof useLocalMedia>;
