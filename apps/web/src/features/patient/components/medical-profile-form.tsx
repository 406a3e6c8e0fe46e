import {
  bloodGroups,
  EARLIEST_DATE_OF_BIRTH,
  MEDICAL_ITEM_MAX,
  MEDICAL_LIST_MAX_ITEMS,
  latestToday,
  MEDICAL_NOTES_MAX,
  sexes,
  UpdateMedicalProfileRequest,
  type MedicalProfile,
} from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { FormTagsInput } from '../../../components/form-tags-input';
import { useServerErrors } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/form-resolver';
import { useUpdateMedicalProfile, type MedicalProfileBody } from '../api/use-update-medical-profile';
import {
  changedFields,
  MEDICAL_PROFILE_FIELDS,
  medicalProfileFormValues,
  toMedicalProfileRequest,
  type MedicalProfileFormValues,
} from './medical-profile-form-values';

/** Allergies, conditions and medications: one entry per tag (Enter), commas allowed inside one. */
const listLimits = { maxTags: MEDICAL_LIST_MAX_ITEMS, maxLength: MEDICAL_ITEM_MAX, splitChars: [] };
const MEDICAL_LIST_FIELDS = [
  {
    name: 'allergies',
    label: 'Allergies',
    description: 'Medicines, foods or anything else. Press Enter after each one.',
    placeholder: 'e.g. Penicillin',
  },
  {
    name: 'conditions',
    label: 'Chronic conditions',
    description: 'Long-term conditions a doctor should know about. Press Enter after each one.',
    placeholder: 'e.g. Asthma',
  },
  {
    name: 'medications',
    label: 'Current medications',
    description: 'What you take now, with the dose if you know it. Press Enter after each one.',
    placeholder: 'e.g. Salbutamol inhaler 100 mcg',
  },
] as const;

const resolver = mappedResolver(zodResolver(UpdateMedicalProfileRequest), toMedicalProfileRequest);
const SEX_LABELS: Record<(typeof sexes)[number], string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unspecified: 'Prefer not to say',
};
const SEX_OPTIONS = sexes.map((value) => ({ value, label: SEX_LABELS[value] }));
const BLOOD_GROUP_OPTIONS = bloodGroups.map((value) => ({ value, label: value === 'unknown' ? "I don't know" : value }));

/** The patient's medical profile; a save sends only the fields changed since it was loaded. */
export function MedicalProfileForm({ profile }: { profile: MedicalProfile }) {
  const update = useUpdateMedicalProfile();
  const form = useForm<MedicalProfileFormValues, unknown, MedicalProfileBody>({
    resolver,
    defaultValues: medicalProfileFormValues(profile),
  });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, MEDICAL_PROFILE_FIELDS);
  const notes = useWatch({ control: form.control, name: 'notes' });

  const onSubmit = form.handleSubmit((body) => {
    server.clear();
    // defaultValues: what the form was loaded (or last reset) with.
    update.mutate(changedFields(body, form.formState.defaultValues as MedicalProfileFormValues), {
      onSuccess: (data) => {
        notifications.show({ color: 'teal', message: 'Medical profile saved' });
        form.reset(medicalProfileFormValues(data.profile));
      },
      onError: server.handle,
    });
  });

  const choice = (name: 'sex' | 'bloodGroup', label: string, data: { value: string; label: string }[]) => (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          ref={field.ref}
          name={field.name}
          label={label}
          placeholder="Not given"
          data={data}
          clearable
          allowDeselect
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          size="md"
        />
      )}
    />
  );

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="lg">
        <ErrorAlert error={server.alert} title="Your medical profile was not saved" />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            type="date"
            label="Date of birth"
            min={EARLIEST_DATE_OF_BIRTH}
            max={latestToday()}
            autoComplete="bday"
            error={errors.dateOfBirth?.message}
            size="md"
            {...form.register('dateOfBirth')}
          />
          {choice('sex', 'Sex', SEX_OPTIONS)}
          {choice('bloodGroup', 'Blood group', BLOOD_GROUP_OPTIONS)}
        </SimpleGrid>
        {MEDICAL_LIST_FIELDS.map((field) => (
          <FormTagsInput key={field.name} {...listLimits} {...field} control={form.control} />
        ))}
        <Textarea
          label="Notes for your doctor"
          description={`Anything else the doctor should know (${notes.trim().length}/${MEDICAL_NOTES_MAX}).`}
          autosize
          minRows={3}
          maxRows={8}
          maxLength={MEDICAL_NOTES_MAX}
          error={errors.notes?.message}
          size="md"
          {...form.register('notes')}
        />
        <Group justify="flex-end">
          <Button type="submit" size="md" loading={update.isPending} w={{ base: '100%', xs: 'auto' }}>
            Save medical profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
