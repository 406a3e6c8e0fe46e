import { AppError } from '../../../platform/app-error.ts';
import { emailEffect } from '../../../platform/side-effect.ts';
import {
  CODE_MAX_ATTEMPTS,
  CODE_REFUSED,
  checkCode,
  formatCode,
  newCodeExpiry,
  type CodePurpose,
  type OneTimeCode,
} from '../domain/one-time-code.ts';
import type { User } from '../domain/user.ts';
import type { IdentityDeps } from './ports.ts';

const mailText: Record<CodePurpose, { subject: string; intro: string }> = {
  'verify-email': { subject: 'Your DocTime verification code', intro: 'Use this code to verify your e-mail address' },
  'reset-password': { subject: 'Your DocTime password reset code', intro: 'Use this code to reset your password' },
};

/**
 * Issues a fresh code (replacing any earlier one) and e-mails it: the mail is
 * committed with the code through the outbox, which sends it once the code is
 * stored and retries while the mail server fails, so the caller never waits
 * on (or fails with) the mail server.
 */
export async function issueCode(deps: IdentityDeps, user: User, purpose: CodePurpose): Promise<void> {
  const code = formatCode(deps.secrets.randomInt(1_000_000));
  const nonce = deps.secrets.randomToken(16);
  const { subject, intro } = mailText[purpose];
  const mail = emailEffect({
    to: user.email,
    subject,
    text: `Hello ${user.name},\n\n${intro}: ${code}\n\nIt is valid for 15 minutes. If you did not ask for it, ignore this e-mail.\n\nDocTime`,
    html: `<p>Hello ${escapeHtml(user.name)},</p><p>${intro}:</p><p style="font-size:24px;letter-spacing:4px"><b>${code}</b></p><p>It is valid for 15 minutes. If you did not ask for it, ignore this e-mail.</p><p>DocTime</p>`,
  });
  await deps.codes.save(
    {
      userId: user.id,
      purpose,
      nonce,
      codeHash: deps.secrets.digest(`${nonce}:${code}`),
      expiresAt: newCodeExpiry(deps.clock.now()),
    },
    [mail],
  );
}

/**
 * Checks a submitted code, taking one of its attempts, without spending it;
 * throws the one refusal (a 400 naming the `code` field) unless it is right.
 * No account (`user` null) is refused exactly like a wrong code.
 */
export async function acceptCode(
  deps: IdentityDeps,
  user: User | null,
  purpose: CodePurpose,
  submitted: string,
): Promise<OneTimeCode> {
  const stored = user ? await deps.codes.find(user.id, purpose) : null;
  const now = deps.clock.now();
  const live = stored && stored.expiresAt > now;
  const claimed = live ? await deps.codes.claimAttempt(stored.nonce, CODE_MAX_ATTEMPTS) : false;
  const matches =
    claimed && stored ? deps.secrets.sameDigest(deps.secrets.digest(`${stored.nonce}:${submitted}`), stored.codeHash) : false;
  if (checkCode(stored, now, claimed, matches) !== 'ok') throw codeRefused();
  return stored!;
}

/** Checks a submitted code like `acceptCode` and spends it: of two right answers arriving together, only the first passes. */
export async function consumeCode(deps: IdentityDeps, user: User | null, purpose: CodePurpose, submitted: string): Promise<void> {
  const stored = await acceptCode(deps, user, purpose, submitted);
  if (!(await deps.codes.claimUse(stored.nonce))) throw codeRefused();
}

function codeRefused() {
  return AppError.validation({ code: [CODE_REFUSED] }, CODE_REFUSED);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
