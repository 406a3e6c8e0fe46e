import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@doctime/contracts';

// ~49k most common leaked passwords, shipped as data by zxcvbn-ts.
const commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * Returns the reasons a new password is refused (empty when acceptable).
 * NIST 800-63B style: length and a blocklist, no composition rules.
 */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower)) problems.push('This password is too common; choose another');
  else if (/^(.)\1+$/.test(password)) problems.push('Do not repeat one character');
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    problems.push('Do not use your e-mail address in the password');
  }
  return problems;
}
