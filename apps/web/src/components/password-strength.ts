import { PASSWORD_MIN_LENGTH } from '@doctime/contracts';

export interface PasswordStrength {
  /** 0 to 100. */
  score: number;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  color: 'red' | 'orange' | 'yellow' | 'teal' | 'green';
}

const OBVIOUS = /^(.)\1+$|^(?:0123456789|1234567890|password|qwerty|letmein|welcome|iloveyou|doctime)/i;

/** A rough guide only: the server also rejects common passwords. */
export function passwordStrength(password: string): PasswordStrength {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { score: Math.round((password.length / PASSWORD_MIN_LENGTH) * 25), label: 'Too short', color: 'red' };
  }
  if (OBVIOUS.test(password)) return { score: 30, label: 'Weak', color: 'orange' };
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const points = kinds + (password.length >= 14 ? 1 : 0) + (password.length >= 20 ? 1 : 0);
  if (points <= 2) return { score: 45, label: 'Fair', color: 'yellow' };
  if (points <= 4) return { score: 75, label: 'Good', color: 'teal' };
  return { score: 100, label: 'Strong', color: 'green' };
}
