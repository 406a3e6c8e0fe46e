import { useEffect, useRef } from 'react';

/** A <video> showing a stream (muted for the local one, so nobody hears themselves). */
export function VideoTile({
  stream,
  muted = false,
  mirrored = false,
  label,
  style,
}: {
  stream: MediaStream | null;
  muted?: boolean;
  mirrored?: boolean;
  label: string;
  style?: React.CSSProperties;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== stream) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <video
      ref={ref}
      autoPlay
      playsInline
      muted={muted}
      aria-label={label}
      style={{
        width: '100%',
        height: '100%',
        objectFit: 'cover',
        background: 'var(--mantine-color-dark-7)',
        transform: mirrored ? 'scaleX(-1)' : undefined,
        ...style,
      }}
    />
  );
}
