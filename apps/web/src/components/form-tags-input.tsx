import { TagsInput, type TagsInputProps } from '@mantine/core';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { firstErrorMessage } from '../lib/form-errors';

interface FormTagsInputProps<V extends FieldValues, O> extends Omit<TagsInputProps, 'value' | 'onChange' | 'onBlur' | 'error'> {
  control: Control<V, unknown, O>;
  name: FieldPathByValue<V, string[]>;
}

/** A list-of-words form field (languages, allergies, …) wired to react-hook-form, with the first error of the list or an entry. */
export function FormTagsInput<V extends FieldValues, O>({ control, name, ...props }: FormTagsInputProps<V, O>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TagsInput
          ref={field.ref}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          clearable
          error={firstErrorMessage(fieldState.error)}
          size="md"
          {...props}
        />
      )}
    />
  );
}
