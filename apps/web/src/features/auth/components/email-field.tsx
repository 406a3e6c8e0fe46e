import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';

/** The "Email" input every auth form shares. */
export function EmailField(props: TextInputProps & { ref?: Ref<HTMLInputElement> }) {
  return (
    <TextInput
      label="Email"
      type="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}
