import { Progress } from '@mantine/core';
import { useEffect, useState } from 'react';

/** How loud the microphone is right now (0-100), read from an analyser a few times a second. */
function useMicrophoneLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!stream || !track) return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const timer = window.setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
      setLevel(Math.min(100, Math.round((peak / 128) * 160)));
    }, 100);
    return () => {
      window.clearInterval(timer);
      void context.close();
    };
  }, [stream]);
  return level;
}

export function LevelMeter({ stream }: { stream: MediaStream | null }) {
  const level = useMicrophoneLevel(stream);
  return (
    <Progress
      value={level}
      size="sm"
      color={level > 5 ? 'teal' : 'gray'}
      aria-label="Microphone level"
      transitionDuration={100}
    />
  );
}
