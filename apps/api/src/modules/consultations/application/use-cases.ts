import { makeConsultationRecord } from './consultation-record.ts';
import { makeJoinCall } from './join-call.ts';
import { makeJoinVideo } from './join-video.ts';
import { makeLeaveCall } from './leave-call.ts';
import type { ConsultationsDeps } from './ports.ts';
import { relaySignal } from './relay-signal.ts';

export function makeConsultationsUseCases(deps: ConsultationsDeps) {
  return {
    joinVideo: makeJoinVideo(deps),
    joinCall: makeJoinCall(deps),
    leaveCall: makeLeaveCall(deps),
    relaySignal,
    /** For appointments' own page of an appointment (its caller already checked). */
    consultationRecord: makeConsultationRecord(deps),
  };
}
export type ConsultationsUseCases = ReturnType<typeof makeConsultationsUseCases>;
