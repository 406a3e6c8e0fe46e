import { MEDICAL_ITEM_MAX, MEDICAL_LIST_MAX_ITEMS } from '@doctime/contracts';
import { TagsInput, type TagsInputProps } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { firstErrorMessage } from '../../../lib/form-errors';
import type { MedicalProfileBody } from '../api/use-update-medical-profile';
import type { MEDICAL_LISTS, MedicalProfileFormValues } from './medical-profile-form-values';

interface MedicalListFieldProps extends Omit<TagsInputProps, 'value' | 'onChange' | 'onBlur' | 'error'> {
  control: Control<MedicalProfileFormValues, unknown, MedicalProfileBody>;
  name: (typeof MEDICAL_LISTS)[number];
}

/** Allergies, conditions or medications: one entry per tag, with the first error of the list or an entry. */
export function MedicalListField({ control, name, ...props }: MedicalListFieldProps) {
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
          maxTags={MEDICAL_LIST_MAX_ITEMS}
          maxLength={MEDICAL_ITEM_MAX}
          splitChars={[]}
          error={firstErrorMessage(fieldState.error)}
          size="md"
          {...props}
        />
      )}
    />
  );
}
