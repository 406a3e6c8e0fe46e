import { callWindow } from '../domain/call-window.ts';
import { openCall, type Caller } from './open-call.ts';
import type { CallCredentials, ConsultationsDeps } from './ports.ts';

/** Provider tokens outlive the window by this much, so a call running late is not cut off mid-sentence. */
const TOKEN_GRACE_MS = 5 * 60_000;

export function makeJoinVideo(deps: ConsultationsDeps) {
  /** What the caller's room needs to start the call: its patient or doctor only, while the window is open. */
  return async function joinVideo(appointmentId: string, caller: Caller): Promise<CallCredentials> {
    const { facts } = await openCall(deps, appointmentId, caller);
    const account = await deps.users.findAccount(caller.userId);
    return deps.video.credentials({
      roomId: facts.id,
      userId: caller.userId,
      userName: account?.name ?? caller.role,
      expiresAt: new Date(callWindow(facts).closesAt.getTime() + TOKEN_GRACE_MS),
      now: deps.clock.now(),
    });
  };
}
