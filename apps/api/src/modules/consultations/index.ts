import type { Db } from 'mongodb';
import type { AuthGuards } from '../../platform/http/auth.middleware.ts';
import type { ConsultationsDeps } from './application/ports.ts';
import { makeConsultationsUseCases } from './application/use-cases.ts';
import { consultationsRouter } from './http/consultations.routes.ts';
import { consultationsSocketHandlers, leaveCallsOnClose } from './http/consultations.socket.ts';
import { makeMongoAttendanceLog } from './infrastructure/mongo-attendance-log.ts';
import { makeWebRtcProvider, type WebRtcOptions } from './infrastructure/webrtc-provider.ts';
import { makeZegoProvider } from './infrastructure/zego-provider.ts';

/** Where Zego's UIKit connects from the browser (for the Content-Security-Policy when calls run on Zego). */
export const ZEGO_ORIGINS = ['https://*.zego.im', 'wss://*.zego.im', 'https://*.zegocloud.com', 'wss://*.zegocloud.com'];

export interface VideoSettings {
  webrtc: WebRtcOptions;
  /** Set: calls run on Zego Cloud instead of the built-in WebRTC. */
  zego?: { appId: number; serverSecret: string };
}

/** Wires consultations: the video provider, each call's attendance log, the join route and the call's socket events. */
export function makeConsultationsModule(
  db: Db,
  video: VideoSettings,
  adapters: Omit<ConsultationsDeps, 'video' | 'attendance'>,
  guards: AuthGuards,
  onError: (err: unknown) => void,
) {
  const useCases = makeConsultationsUseCases({
    ...adapters,
    video: video.zego ? makeZegoProvider(video.zego) : makeWebRtcProvider(video.webrtc),
    attendance: makeMongoAttendanceLog(db),
  });
  return {
    useCases,
    router: consultationsRouter(useCases, guards),
    socketHandlers: consultationsSocketHandlers(useCases),
    onSocketClosing: leaveCallsOnClose(useCases, onError),
  };
}
