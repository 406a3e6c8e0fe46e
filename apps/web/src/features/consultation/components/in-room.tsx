import type { Appointment } from '@doctime/contracts';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useCall } from '../lib/use-call';
import { useLocalMedia } from '../lib/use-local-media';
import { CallView } from './call-view';
import { PreJoin } from './pre-join';
import { ZegoCall } from './zego-call';

const canShareScreen = () => typeof navigator.mediaDevices?.getDisplayMedia === 'function';

/**
 * The room from this tab: the device check, then the call. The camera and microphone are
 * open while this is shown and stop when it goes (leaving closes them).
 */
export function InRoom({
  appointment,
  role,
  otherWaiting,
  onJoined,
  onLeft,
}: {
  appointment: Appointment;
  role: 'patient' | 'doctor';
  otherWaiting: boolean;
  onJoined: () => void;
  onLeft: () => void;
}) {
  const media = useLocalMedia();
  const [inCall, setInCall] = useState(false);
  const call = useCall(appointment.id, role, media.stream, inCall);
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const [screen, setScreen] = useState<MediaStream | null>(null);
  const otherName = role === 'patient' ? appointment.doctor.name : appointment.patient.name;
  const { replaceTrack } = call;

  // A new camera or microphone is sent in place of the old one, keeping mute and camera-off.
  const sent = useRef<MediaStream | null>(null);
  useEffect(() => {
    const stream = media.stream;
    if (!stream) return;
    stream.getAudioTracks().forEach((t) => (t.enabled = micOn));
    stream.getVideoTracks().forEach((t) => (t.enabled = cameraOn));
    if (sent.current && sent.current !== stream) {
      void replaceTrack('audio', stream.getAudioTracks()[0] ?? null);
      if (!screen) void replaceTrack('video', stream.getVideoTracks()[0] ?? null);
    }
    sent.current = stream;
  }, [media.stream, micOn, cameraOn, screen, replaceTrack]);

  // Back to the camera now in use (the browser's own "stop sharing" ends the track too).
  const backToCamera = () => {
    setScreen(null);
    void replaceTrack('video', sent.current?.getVideoTracks()[0] ?? null);
  };
  const stopSharing = () => {
    screen?.getTracks().forEach((t) => t.stop());
    backToCamera();
  };
  const startSharing = async () => {
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = display.getVideoTracks()[0];
      if (!track) return;
      track.addEventListener('ended', backToCamera);
      await replaceTrack('video', track);
      setScreen(display);
    } catch {
      // Cancelled in the browser's picker: nothing changes.
    }
  };
  const leave = () => {
    screen?.getTracks().forEach((t) => t.stop());
    call.leave();
    onLeft();
  };
  const cameras = media.devices.cameras;
  const switchCamera = () => {
    const at = cameras.findIndex((c) => c.deviceId === media.cameraId);
    const next = cameras[(at + 1) % cameras.length];
    if (next) media.chooseCamera(next.deviceId);
  };

  if (call.phase === 'replaced') {
    return (
      <Card withBorder radius="md" padding="lg">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4">
            You joined from another tab or device
          </Title>
          <Text size="sm">This consultation continues there. Close this tab, or use it instead.</Text>
          <Button onClick={() => window.location.reload()}>Use this tab instead</Button>
        </Stack>
      </Card>
    );
  }
  if (!inCall) {
    return (
      <PreJoin
        media={media}
        role={role}
        otherName={otherName}
        otherWaiting={otherWaiting}
        onJoin={() => {
          setInCall(true);
          onJoined();
        }}
      />
    );
  }
  if (call.error) {
    return (
      <Card withBorder radius="md" padding="lg" role="alert">
        <Stack gap="sm" align="flex-start">
          <Title order={2} size="h4">
            Could not join the consultation
          </Title>
          <Text size="sm">{call.error}</Text>
          <Button onClick={onLeft}>Back</Button>
        </Stack>
      </Card>
    );
  }
  if (call.zego) return <ZegoCall answer={call.zego} onLeave={leave} />;
  return (
    <CallView
      phase={call.phase === 'joining' ? 'connecting' : call.phase}
      role={role}
      remote={call.remoteStream}
      local={screen ?? media.stream}
      otherName={otherName}
      quality={call.quality}
      connectedAt={call.connectedAt}
      controls={{
        micOn,
        cameraOn,
        sharing: !!screen,
        canShare: canShareScreen(),
        toggleMic: () => setMicOn((on) => !on),
        toggleCamera: () => setCameraOn((on) => !on),
        toggleShare: () => (screen ? stopSharing() : void startSharing()),
        switchCamera,
        canSwitchCamera: cameras.length > 1,
        leave,
      }}
    />
  );
}
