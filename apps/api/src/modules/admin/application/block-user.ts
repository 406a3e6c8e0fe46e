import type { Actor, AdminDeps } from './ports.ts';

export function makeSetUserBlocked(deps: AdminDeps) {
  /** Blocks (reason given) or unblocks (null) an account; a blocked doctor also leaves search at once. */
  return async function setUserBlocked(actor: Actor, userId: string, block: { reason: string } | null) {
    const user = await deps.accounts.setBlocked(userId, block);
    if (user.role === 'doctor') await deps.doctors.setDoctorBlocked(userId, block !== null);
    await deps.audit.append({
      id: deps.newId(),
      actorId: actor.userId,
      action: block ? 'user.block' : 'user.unblock',
      targetId: userId,
      ...(block ? { reason: block.reason } : {}),
      at: deps.clock.now(),
      ...(actor.ip ? { ip: actor.ip } : {}),
    });
    return user;
  };
}
