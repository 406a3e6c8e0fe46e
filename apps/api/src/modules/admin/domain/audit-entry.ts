/** One line of the append-only audit log: who did what to whom, why, when, from where. */
export interface AuditEntry {
  id: string;
  actorId: string;
  action: 'kyc.approve' | 'kyc.reject' | 'kyc.resubmit' | 'user.block' | 'user.unblock';
  targetId: string;
  reason?: string;
  at: Date;
  ip?: string;
}
