import { TextInput, type TextInputProps } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

interface SearchFieldProps extends Omit<TextInputProps, 'type' | 'leftSection' | 'value' | 'onChange'> {
  value: string;
  /** The typed text, not the event: search boxes are usually bound to a URL param. */
  onChange: (value: string) => void;
}

/** A search box with the magnifier icon; `type="search"` gives it the browser's clear button. */
export function SearchField({ value, onChange, ...props }: SearchFieldProps) {
  return (
    <TextInput
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...props}
    />
  );
}
