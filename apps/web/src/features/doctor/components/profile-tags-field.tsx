import { TagsInput, type TagsInputProps } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { firstErrorMessage } from '../../../lib/form-errors';
import type { ProfileBody } from '../api/use-update-profile';
import type { ProfileFormValues } from './profile-form-values';

type TagsName = 'subSpecialties' | 'qualifications' | 'languages';

interface ProfileTagsFieldProps extends Omit<TagsInputProps, 'value' | 'onChange' | 'onBlur' | 'error'> {
  control: Control<ProfileFormValues, unknown, ProfileBody>;
  name: TagsName;
}

/** A list-of-words profile field (qualifications, languages, …) wired to the form, with its first error shown. */
export function ProfileTagsField({ control, name, ...props }: ProfileTagsFieldProps) {
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
