import { genders, UpdateDoctorProfileRequest, type OwnDoctor } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Divider, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { FormTagsInput } from '../../../components/form-tags-input';
import { useServerErrors } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/form-resolver';
import { capitalize } from '../../../lib/format';
import { COMMON_LANGUAGES } from '../../../lib/languages';
import { timeZoneOptions } from '../../../lib/time-zones';
import { useSpecialties } from '../../../lib/use-specialties';
import { useUpdateProfile, type ProfileBody } from '../api/use-update-profile';
import { AvatarField } from './avatar-field';
import { FormSection } from './form-section';
import { PROFILE_FIELDS, profileFormValues, toProfileRequest, type ProfileFormValues } from './profile-form-values';

const resolver = mappedResolver(zodResolver(UpdateDoctorProfileRequest), toProfileRequest);
const GENDER_OPTIONS = genders.map((value) => ({ value, label: capitalize(value) }));
const BIO_MAX = 2000;

/** The Profile tab: what patients see about the doctor. */
export function ProfileForm({ doctor }: { doctor: OwnDoctor }) {
  const specialties = useSpecialties();
  const update = useUpdateProfile();
  const [avatarUploading, setAvatarUploading] = useState(false);
  const form = useForm<ProfileFormValues, unknown, ProfileBody>({
    resolver,
    defaultValues: profileFormValues(doctor),
  });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, PROFILE_FIELDS);
  const bio = useWatch({ control: form.control, name: 'bio' });

  const specialtyOptions = (specialties.data ?? []).map((s) => ({ value: s.id, label: s.name }));
  const savedSpecialty = doctor.profile?.specialtyId;
  if (savedSpecialty && specialties.data && !specialtyOptions.some((o) => o.value === savedSpecialty)) {
    specialtyOptions.push({ value: savedSpecialty, label: doctor.profile?.specialtyName ?? savedSpecialty });
  }

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    update.mutate(values, {
      onSuccess: (data) => {
        notifications.show({ color: 'teal', message: 'Profile saved' });
        form.reset(profileFormValues(data.doctor));
      },
      onError: server.handle,
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <Stack gap="xl">
        <ErrorAlert error={server.alert} title="Your profile was not saved" />

        <FormSection title="Photo">
          <Controller
            control={form.control}
            name="avatarFileId"
            render={({ field, fieldState }) => (
              <AvatarField
                ref={field.ref}
                name={doctor.name}
                currentUrl={doctor.avatarUrl}
                value={field.value}
                onChange={field.onChange}
                onUploadingChange={setAvatarUploading}
                error={fieldState.error?.message}
              />
            )}
          />
        </FormSection>

        <Divider />

        <FormSection title="Professional details">
          <Controller
            control={form.control}
            name="specialtyId"
            render={({ field, fieldState }) => (
              <Select
                ref={field.ref}
                name={field.name}
                label="Specialty"
                placeholder={specialties.isPending ? 'Loading specialties…' : 'Choose your specialty'}
                data={specialtyOptions}
                searchable
                nothingFoundMessage="No specialty matches"
                disabled={specialties.isPending}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                error={
                  fieldState.error?.message ?? (specialties.isError ? 'Could not load specialties. Reload the page.' : undefined)
                }
                required
                size="md"
              />
            )}
          />
          <FormTagsInput
            control={form.control}
            name="subSpecialties"
            label="Sub-specialties"
            description="Optional. Press Enter after each one."
            placeholder="e.g. Interventional cardiology"
            maxTags={10}
          />
          <FormTagsInput
            control={form.control}
            name="qualifications"
            label="Qualifications"
            description="Degrees and diplomas. Press Enter after each one."
            placeholder="e.g. MBBS, MD (General Medicine)"
            splitChars={[]}
            maxTags={20}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Controller
              control={form.control}
              name="experienceYears"
              render={({ field, fieldState }) => (
                <NumberInput
                  ref={field.ref}
                  name={field.name}
                  label="Years of experience"
                  description="Full years in practice"
                  min={0}
                  max={70}
                  allowDecimal={false}
                  allowNegative={false}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  required
                  size="md"
                />
              )}
            />
            <Controller
              control={form.control}
              name="gender"
              render={({ field, fieldState }) => (
                <Select
                  ref={field.ref}
                  name={field.name}
                  label="Gender"
                  description="Optional. Some patients prefer to choose."
                  placeholder="Prefer not to say"
                  data={GENDER_OPTIONS}
                  clearable
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  size="md"
                />
              )}
            />
          </SimpleGrid>
          <FormTagsInput
            control={form.control}
            name="languages"
            label="Languages"
            description="The languages you consult in. Pick from the list or type your own."
            placeholder="e.g. English"
            data={[...COMMON_LANGUAGES]}
            maxTags={20}
            required
          />
        </FormSection>

        <Divider />

        <FormSection title="Consultation">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Controller
              control={form.control}
              name="consultationFee.amount"
              render={({ field, fieldState }) => (
                <NumberInput
                  ref={field.ref}
                  name={field.name}
                  label="Consultation fee"
                  description="Per consultation"
                  min={0}
                  max={1_000_000}
                  decimalScale={2}
                  allowNegative={false}
                  thousandSeparator=","
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  required
                  size="md"
                />
              )}
            />
            <TextInput
              label="Currency"
              description="3-letter code, e.g. INR"
              maxLength={3}
              autoCapitalize="characters"
              spellCheck={false}
              error={errors.consultationFee?.currency?.message}
              required
              styles={{ input: { textTransform: 'uppercase' } }}
              {...form.register('consultationFee.currency')}
            />
            <Controller
              control={form.control}
              name="timeZone"
              render={({ field, fieldState }) => (
                <Select
                  ref={field.ref}
                  name={field.name}
                  label="Time zone"
                  description="Your working hours use it"
                  data={timeZoneOptions()}
                  searchable
                  nothingFoundMessage="No time zone matches"
                  value={field.value || null}
                  onChange={(value) => field.onChange(value ?? '')}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  required
                  size="md"
                  comboboxProps={{ width: 'target' }}
                />
              )}
            />
          </SimpleGrid>
          <Textarea
            label="Bio"
            description={`Tell patients about your experience and approach (${bio.trim().length}/${BIO_MAX}).`}
            placeholder="At least 20 characters"
            autosize
            minRows={4}
            maxRows={12}
            maxLength={BIO_MAX}
            error={errors.bio?.message}
            required
            size="md"
            {...form.register('bio')}
          />
        </FormSection>

        <Divider />

        <FormSection title="Clinic" description="Optional. If you also see patients in person, fill in all three fields.">
          <TextInput
            label="Clinic name"
            autoComplete="organization"
            error={errors.clinic?.name?.message}
            {...form.register('clinic.name')}
          />
          <TextInput
            label="Clinic address"
            autoComplete="street-address"
            error={errors.clinic?.address?.message}
            {...form.register('clinic.address')}
          />
          <TextInput
            label="City"
            autoComplete="address-level2"
            error={errors.clinic?.city?.message}
            {...form.register('clinic.city')}
          />
        </FormSection>

        <Group justify="flex-end">
          <Button
            type="submit"
            size="md"
            loading={update.isPending}
            disabled={update.isPending || avatarUploading}
            w={{ base: '100%', xs: 'auto' }}
          >
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
