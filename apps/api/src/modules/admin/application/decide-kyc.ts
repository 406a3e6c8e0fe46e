import type { Actor, AdminDeps } from './ports.ts';

export function makeAdminDecideKyc(deps: AdminDeps) {
  return async function decideKyc(
    actor: Actor,
    input: { doctorId: string; decision: 'approve' | 'reject' | 'resubmit'; reason?: string | undefined },
  ) {
    const doctor = await deps.doctors.decideKyc({ ...input, adminId: actor.userId });
    await deps.audit.append({
      id: deps.newId(),
      actorId: actor.userId,
      action: `kyc.${input.decision}`,
      targetId: input.doctorId,
      ...(input.reason ? { reason: input.reason } : {}),
      at: deps.clock.now(),
      ...(actor.ip ? { ip: actor.ip } : {}),
    });
    return doctor;
  };
}
