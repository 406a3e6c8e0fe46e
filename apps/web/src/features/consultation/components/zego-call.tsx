import type { VideoJoinResponse } from '@doctime/contracts';
import { Alert, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

type ZegoAnswer = Extract<VideoJoinResponse, { provider: 'zego' }>;

/**
 * The call on Zego Cloud: Zego's UIKit one-on-one call, started with the Token04 the API
 * issued for this user and room (the server secret never reaches the browser). The kit is
 * loaded only here, so nobody else downloads it.
 */
export function ZegoCall({ answer, onLeave }: { answer: ZegoAnswer; onLeave: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const leave = useRef(onLeave);
  useEffect(() => {
    leave.current = onLeave;
  });

  useEffect(() => {
    let destroy: (() => void) | undefined;
    let cancelled = false;
    import('@zegocloud/zego-uikit-prebuilt')
      .then(({ ZegoUIKitPrebuilt }) => {
        if (cancelled || !container.current) return;
        const kitToken = ZegoUIKitPrebuilt.generateKitTokenForProduction(
          answer.appId,
          answer.token,
          answer.roomId,
          answer.userId,
          answer.userName,
        );
        const kit = ZegoUIKitPrebuilt.create(kitToken);
        destroy = () => kit.destroy();
        kit.joinRoom({
          container: container.current,
          scenario: { mode: ZegoUIKitPrebuilt.OneONoneCall },
          showPreJoinView: false,
          showScreenSharingButton: true,
          onLeaveRoom: () => leave.current(),
        });
        setLoading(false);
      })
      .catch((error: unknown) => setFailed(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [answer]);

  if (failed) {
    return (
      <Alert color="red" title="The call could not start">
        {failed}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      {loading ? (
        <Stack align="center" role="status" aria-live="polite">
          <Loader type="dots" aria-hidden />
          <Text size="sm">Starting the call…</Text>
        </Stack>
      ) : null}
      <div ref={container} style={{ width: '100%', height: '70dvh' }} />
    </Stack>
  );
}
