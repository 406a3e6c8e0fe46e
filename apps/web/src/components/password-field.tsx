import { PASSWORD_MIN_LENGTH } from '@doctime/contracts';
import { Group, PasswordInput, Progress, Stack, Text, type PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { passwordStrength } from './password-strength';

interface PasswordFieldProps extends PasswordInputProps {
  ref?: Ref<HTMLInputElement>;
  /** For a new password: the current value, to show the rules and a strength meter. */
  strengthOf?: string;
}

export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters, not a common password.`;

/**
 * A password input. Given `strengthOf`, it also explains the password rules
 * and shows how strong the typed password looks.
 */
export function PasswordField({ strengthOf, description, ...props }: PasswordFieldProps) {
  if (strengthOf === undefined) return <PasswordInput description={description} {...props} />;
  const strength = passwordStrength(strengthOf);
  return (
    <Stack gap={6}>
      <PasswordInput description={description ?? NEW_PASSWORD_HINT} {...props} />
      {strengthOf ? (
        <Group gap="sm" wrap="nowrap" aria-live="polite">
          <Progress value={strength.score} color={strength.color} size="sm" style={{ flex: 1 }} aria-hidden />
          <Text size="xs" c="dimmed" miw={90} ta="right">
            Strength: {strength.label}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
