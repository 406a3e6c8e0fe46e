import type { PasswordInputProps } from '@mantine/core';
import type { Ref } from 'react';
import { PasswordField } from '../../../components/password-field';

/** A password the user already has, so the browser's password manager may fill it in. */
export function CurrentPasswordField(props: PasswordInputProps & { ref?: Ref<HTMLInputElement> }) {
  return <PasswordField autoComplete="current-password" {...props} />;
}
