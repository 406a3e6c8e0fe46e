import { MEDIA_DURATION_MAX_MS } from '@doctime/contracts';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPlayerStopFilled, IconSend2, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { formatDuration } from './chat-format';
import classes from './chat.module.css';
import { useMediaRecorder } from './use-media-recorder';

interface VoiceRecorderProps {
  onSend: (recording: { file: File; durationMs: number }) => void;
  onClose: () => void;
}

/**
 * Records a voice note as soon as it opens: a timer, Cancel and Stop; then
 * plays it back with Discard and Send.
 */
export function VoiceRecorder({ onSend, onClose }: VoiceRecorderProps) {
  const recorder = useMediaRecorder('audio', MEDIA_DURATION_MAX_MS);
  const { start } = recorder;

  useEffect(() => {
    void start();
  }, [start]);

  const close = () => {
    recorder.reset();
    onClose();
  };

  if (recorder.status === 'error')
    return (
      <Alert
        color="red"
        variant="light"
        title="Cannot record"
        role="alert"
        withCloseButton
        closeButtonLabel="Close"
        onClose={close}
      >
        {recorder.error}
      </Alert>
    );

  if (recorder.status === 'recorded' && recorder.recording) {
    const { recording } = recorder;
    return (
      <Group gap="xs" wrap="wrap" role="group" aria-label="Voice note ready to send">
        <audio controls src={recording.url} className={classes.audio} aria-label="Your voice note" />
        <Text size="xs" c="dimmed">
          {formatDuration(recording.durationMs)}
        </Text>
        <Group gap="xs" ml="auto">
          <Button size="xs" variant="default" leftSection={<IconTrash size={14} aria-hidden />} onClick={close}>
            Discard
          </Button>
          <Button
            size="xs"
            leftSection={<IconSend2 size={14} aria-hidden />}
            onClick={() => {
              onSend({ file: recording.file, durationMs: recording.durationMs });
              close();
            }}
          >
            Send voice note
          </Button>
        </Group>
      </Group>
    );
  }

  return (
    <Group gap="sm" wrap="nowrap" role="group" aria-label="Recording a voice note">
      <Button size="xs" variant="default" leftSection={<IconTrash size={14} aria-hidden />} onClick={close}>
        Cancel
      </Button>
      <Group gap={6} wrap="nowrap" style={{ flex: 1 }} justify="center">
        {recorder.status === 'recording' ? <span className={classes.recordingDot} aria-hidden /> : null}
        <Text size="sm" fw={500} role="timer" aria-label={`Recording, ${formatDuration(recorder.elapsedMs)}`}>
          {recorder.status === 'recording' ? formatDuration(recorder.elapsedMs) : 'Starting the microphone…'}
        </Text>
      </Group>
      <Button
        size="xs"
        color="red"
        leftSection={<IconPlayerStopFilled size={14} aria-hidden />}
        onClick={recorder.stop}
        disabled={recorder.status !== 'recording'}
      >
        Stop recording
      </Button>
    </Group>
  );
}
