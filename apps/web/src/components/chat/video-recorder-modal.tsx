import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlayerRecordFilled, IconPlayerStopFilled, IconRefresh, IconSend2 } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { formatDuration } from './chat-format';
import classes from './chat.module.css';
import { useMediaRecorder } from './use-media-recorder';

/** Video clips are short. */
export const VIDEO_CLIP_MAX_MS = 60_000;

interface VideoRecorderModalProps {
  opened: boolean;
  onClose: () => void;
  onSend: (recording: { file: File; durationMs: number }) => void;
}

function CameraPreview({ stream }: { stream: MediaStream | null }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);
  return <video ref={video} autoPlay muted playsInline className={classes.cameraPreview} aria-label="Camera preview" />;
}

function Recorder({ onClose, onSend }: Omit<VideoRecorderModalProps, 'opened'>) {
  const recorder = useMediaRecorder('video', VIDEO_CLIP_MAX_MS);
  const { open } = recorder;

  useEffect(() => {
    void open();
  }, [open]);

  if (recorder.status === 'error')
    return (
      <Alert color="red" variant="light" title="Cannot record" role="alert">
        {recorder.error}
      </Alert>
    );

  if (recorder.status === 'recorded' && recorder.recording) {
    const { recording } = recorder;
    return (
      <Stack gap="sm">
        <video controls playsInline src={recording.url} className={classes.recordedPreview} aria-label="Your video clip" />
        <Text size="sm" c="dimmed">
          {formatDuration(recording.durationMs)}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden />}
            onClick={() => {
              recorder.reset();
              void recorder.open();
            }}
          >
            Record again
          </Button>
          <Button
            leftSection={<IconSend2 size={16} aria-hidden />}
            onClick={() => {
              onSend({ file: recording.file, durationMs: recording.durationMs });
              onClose();
            }}
          >
            Send video clip
          </Button>
        </Group>
      </Stack>
    );
  }

  const recording = recorder.status === 'recording';
  return (
    <Stack gap="sm">
      <CameraPreview stream={recorder.stream} />
      <Group justify="space-between" gap="xs">
        <Group gap={6}>
          {recording ? <span className={classes.recordingDot} aria-hidden /> : null}
          <Text size="sm" role="timer">
            {recording
              ? `${formatDuration(recorder.elapsedMs)} / ${formatDuration(VIDEO_CLIP_MAX_MS)}`
              : recorder.status === 'requesting'
                ? 'Starting the camera…'
                : `Up to ${VIDEO_CLIP_MAX_MS / 1000} seconds`}
          </Text>
        </Group>
        {recording ? (
          <Button color="red" leftSection={<IconPlayerStopFilled size={16} aria-hidden />} onClick={recorder.stop}>
            Stop recording
          </Button>
        ) : (
          <Button
            color="red"
            leftSection={<IconPlayerRecordFilled size={16} aria-hidden />}
            onClick={() => void recorder.start()}
            disabled={recorder.status !== 'ready'}
          >
            Start recording
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Records a short video clip: camera preview, start/stop with a timer (60 s at most), play back, send. */
export function VideoRecorderModal({ opened, onClose, onSend }: VideoRecorderModalProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal opened={opened} onClose={onClose} title="Record a video clip" fullScreen={phone} size="lg" centered>
      {/* Mounted only while open, so the camera is released on close. */}
      {opened ? <Recorder onClose={onClose} onSend={onSend} /> : null}
    </Modal>
  );
}
