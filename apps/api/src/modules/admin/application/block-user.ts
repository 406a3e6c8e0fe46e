import { auditEffect } from './audit-effect.ts';
import type { Actor, AdminDeps } from './ports.ts';

export function makeSetUserBlocked(deps: AdminDeps) {
  /**
   * Blocks (reason given) or unblocks (null) an account. Identity alone
   * decides: it commits the block with this audit entry and announces it, and
   * the doctors module mirrors it for search from that announcement.
   */
  return async function setUserBlocked(actor: Actor, userId: string, block: { reason: string } | null) {
    const audit = auditEffect(actor, {
      action: block ? 'user.block' : 'user.unblock',
      targetId: userId,
      reason: block?.reason,
      at: deps.clock.now(),
    });
    return deps.accounts.setBlocked(userId, block, { effects: [audit] });
  };
}
