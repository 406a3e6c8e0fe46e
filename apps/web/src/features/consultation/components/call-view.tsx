import { ActionIcon, Badge, Box, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconMicrophone,
  IconMicrophoneOff,
  IconPhoneOff,
  IconRefresh,
  IconScreenShare,
  IconScreenShareOff,
  IconVideo,
  IconVideoOff,
} from '@tabler/icons-react';
import { useNow } from '../../../lib/use-now';
import type { CallQuality } from '../lib/call-quality';
import type { CallPhase } from '../lib/use-call';
import { VideoTile } from './video-tile';

const QUALITY: Record<CallQuality, { label: string; color: string }> = {
  good: { label: 'Good connection', color: 'teal' },
  fair: { label: 'Fair connection', color: 'yellow' },
  poor: { label: 'Poor connection', color: 'red' },
  unknown: { label: 'Measuring connection', color: 'gray' },
};

function CallTimer({ since }: { since: Date | null }) {
  const now = useNow(1_000);
  if (!since) return null;
  const seconds = Math.max(0, Math.floor((now - since.getTime()) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <Badge variant="filled" color="dark" size="lg" role="timer" aria-label={`Call time ${text}`}>
      <span aria-hidden>{text}</span>
    </Badge>
  );
}

/** A round on/off control: its name stays, `aria-pressed` says the state, the tooltip what a click does. */
function ToggleControl(props: {
  label: string;
  hint: string;
  pressed: boolean;
  color?: string;
  onClick: () => void;
  icon: React.ReactNode;
}) {
  return (
    <Tooltip label={props.hint}>
      <ActionIcon
        size="xl"
        radius="xl"
        variant={props.pressed ? 'filled' : 'default'}
        color={props.pressed ? props.color : undefined}
        aria-label={props.label}
        aria-pressed={props.pressed}
        onClick={props.onClick}
      >
        {props.icon}
      </ActionIcon>
    </Tooltip>
  );
}

export interface CallControls {
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  canShare: boolean;
  toggleMic(): void;
  toggleCamera(): void;
  toggleShare(): void;
  switchCamera(): void;
  canSwitchCamera: boolean;
  leave(): void;
}

/** The call: the other side large, oneself small, the controls below. */
export function CallView({
  phase,
  role,
  remote,
  local,
  otherName,
  quality,
  connectedAt,
  controls,
}: {
  phase: CallPhase;
  role: 'patient' | 'doctor';
  remote: MediaStream | null;
  local: MediaStream | null;
  otherName: string;
  quality: CallQuality;
  connectedAt: Date | null;
  controls: CallControls;
}) {
  const status =
    phase === 'waiting'
      ? role === 'patient'
        ? `${otherName} will join shortly.`
        : `Waiting for ${otherName} to join…`
      : phase === 'connecting'
        ? `Connecting to ${otherName}…`
        : phase === 'reconnecting'
          ? 'Connection lost. Reconnecting…'
          : null;
  const q = QUALITY[quality];
  return (
    <Stack gap="sm">
      <Box
        pos="relative"
        style={{
          aspectRatio: '16 / 10',
          maxHeight: '70dvh',
          borderRadius: 12,
          overflow: 'hidden',
          background: 'var(--mantine-color-dark-7)',
        }}
      >
        <VideoTile stream={remote} label={`Video of ${otherName}`} style={{ objectFit: 'contain' }} />
        {status ? (
          <Stack pos="absolute" inset={0} align="center" justify="center" gap="sm" role="status" aria-live="polite">
            <Loader color="white" type="dots" aria-hidden />
            <Text c="white" fw={500} ta="center" px="md">
              {status}
            </Text>
          </Stack>
        ) : null}
        <Group pos="absolute" top={8} left={8} gap="xs">
          <CallTimer since={phase === 'connected' || phase === 'reconnecting' ? connectedAt : null} />
          {phase === 'connected' ? (
            <Badge color={q.color} variant="filled" size="lg" role="status">
              {q.label}
            </Badge>
          ) : null}
        </Group>
        <Box
          pos="absolute"
          right={8}
          bottom={8}
          w={{ base: 96, sm: 180 }}
          style={{ aspectRatio: '4 / 3', borderRadius: 8, overflow: 'hidden', border: '2px solid white' }}
        >
          <VideoTile stream={local} muted mirrored={!controls.sharing} label="Your own video" />
        </Box>
      </Box>
      <Group justify="center" gap="sm" role="toolbar" aria-label="Call controls">
        <ToggleControl
          label="Mute microphone"
          hint={controls.micOn ? 'Mute' : 'Unmute'}
          pressed={!controls.micOn}
          color="red"
          onClick={controls.toggleMic}
          icon={controls.micOn ? <IconMicrophone size={22} /> : <IconMicrophoneOff size={22} />}
        />
        <ToggleControl
          label="Turn camera off"
          hint={controls.cameraOn ? 'Turn camera off' : 'Turn camera on'}
          pressed={!controls.cameraOn}
          color="red"
          onClick={controls.toggleCamera}
          icon={controls.cameraOn ? <IconVideo size={22} /> : <IconVideoOff size={22} />}
        />
        {controls.canSwitchCamera ? (
          <Tooltip label="Switch camera">
            <ActionIcon size="xl" radius="xl" variant="default" aria-label="Switch camera" onClick={controls.switchCamera}>
              <IconRefresh size={22} />
            </ActionIcon>
          </Tooltip>
        ) : null}
        {controls.canShare ? (
          <ToggleControl
            label="Share the screen"
            hint={controls.sharing ? 'Stop sharing' : 'Share screen'}
            pressed={controls.sharing}
            onClick={controls.toggleShare}
            icon={controls.sharing ? <IconScreenShareOff size={22} /> : <IconScreenShare size={22} />}
          />
        ) : null}
        <Tooltip label="Leave">
          <ActionIcon
            size="xl"
            radius="xl"
            color="red"
            variant="filled"
            aria-label="Leave the consultation"
            onClick={controls.leave}
          >
            <IconPhoneOff size={22} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Stack>
  );
}
