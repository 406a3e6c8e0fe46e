import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconVideo } from '@tabler/icons-react';
import type { LocalMedia } from '../lib/use-local-media';
import { LevelMeter } from './level-meter';
import { VideoTile } from './video-tile';

function DeviceSelect(props: {
  kind: 'Camera' | 'Microphone';
  devices: MediaDeviceInfo[];
  value: string | null;
  onChange: (deviceId: string) => void;
}) {
  const { kind, devices } = props;
  return (
    <Select
      label={kind}
      data={devices.map((d, i) => ({ value: d.deviceId, label: d.label || `${kind} ${i + 1}` }))}
      value={props.value}
      onChange={(value) => value && props.onChange(value)}
      placeholder={devices.length ? `Choose a ${kind.toLowerCase()}` : `No ${kind.toLowerCase()} found`}
      disabled={!devices.length}
      allowDeselect={false}
      miw={200}
    />
  );
}

/** Before joining: see yourself, hear your level, pick devices; then join (with or without them). */
export function PreJoin({
  media,
  role,
  otherName,
  otherWaiting,
  onJoin,
}: {
  media: LocalMedia;
  role: 'patient' | 'doctor';
  otherName: string;
  otherWaiting: boolean;
  onJoin: () => void;
}) {
  const { stream, error, devices } = media;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="prejoin-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="prejoin-title">
          Check your camera and microphone
        </Title>
        <div style={{ aspectRatio: '16 / 9', borderRadius: 8, overflow: 'hidden', maxHeight: '50dvh' }}>
          <VideoTile stream={stream} muted mirrored label="Your camera preview" />
        </div>
        {error ? (
          <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} title="Camera or microphone unavailable">
            <Stack gap="xs">
              <Text size="sm">{error}</Text>
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => void media.retry()}>
                  Try again
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <Group grow align="flex-start" wrap="wrap">
          <DeviceSelect kind="Camera" devices={devices.cameras} value={media.cameraId} onChange={media.chooseCamera} />
          <DeviceSelect
            kind="Microphone"
            devices={devices.microphones}
            value={media.microphoneId}
            onChange={media.chooseMicrophone}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Microphone level
          </Text>
          <LevelMeter stream={stream} />
          <Text size="xs" c="dimmed">
            Say something: the bar should move.
          </Text>
        </Stack>
        <Text size="sm" role="status" aria-live="polite">
          {!otherWaiting
            ? `${otherName} has not joined yet.`
            : role === 'doctor'
              ? `Your patient ${otherName} is in the waiting room.`
              : `${otherName} is in the consultation room.`}
        </Text>
        <Group>
          <Button
            size="md"
            color="teal"
            leftSection={<IconVideo size={18} aria-hidden />}
            onClick={onJoin}
            loading={!stream && !error}
            loaderProps={{ type: 'dots' }}
          >
            {stream || !error ? 'Join consultation' : 'Join without camera'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
