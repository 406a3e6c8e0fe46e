import type { AvailabilityRules } from '@doctime/contracts';
import {
  BUFFER_MINUTES_MAX,
  MAX_ADVANCE_DAYS_MAX,
  MIN_NOTICE_MINUTES_MAX,
  SLOT_MINUTES_MAX,
  SLOT_MINUTES_MIN,
  TIME_STEP_MINUTES,
} from '@doctime/contracts';
import { Alert, Anchor, Button, Card, Divider, Group, List, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, useWatch, type Path } from 'react-hook-form';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { TimeZoneSelect } from '../../../components/time-zone-select';
import { isApiError } from '../../../lib/api-error';
import { useSaveAvailability } from '../api/use-save-availability';
import { AvailabilityPreview } from './availability-preview';
import {
  availabilityFormValues,
  availabilityResolver,
  errorSummary,
  formMessage,
  formPathOf,
  toAvailabilityRequest,
  type AvailabilityFormValues,
} from './availability-form-values';
import { DateOverrides } from './date-overrides';
import { FormSection } from './form-section';
import { WeeklyHours } from './weekly-hours';

interface NumberFieldProps {
  name: 'slotMinutes' | 'bufferMinutes' | 'minNoticeHours' | 'maxAdvanceDays';
  label: string;
  description: ReactNode;
  min: number;
  max: number;
  step: number;
  decimals?: boolean;
}

function NumberField({ name, label, description, min, max, step, decimals }: NumberFieldProps) {
  return (
    <Controller<AvailabilityFormValues, typeof name>
      name={name}
      render={({ field, fieldState }) => (
        <NumberInput
          ref={field.ref}
          name={field.name}
          label={label}
          description={description}
          min={min}
          max={max}
          step={step}
          allowNegative={false}
          allowDecimal={decimals ?? false}
          decimalScale={decimals ? 2 : 0}
          thousandSeparator={false}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          size="sm"
        />
      )}
    />
  );
}

function NotApprovedAlert() {
  return (
    <Alert color="orange" variant="light" icon={<IconLock aria-hidden />} title="Your profile is not approved yet" role="alert">
      <Text size="sm">
        Patients can book you only after an administrator verifies your profile, so your hours cannot be published yet. Finish
        your profile and KYC submission on{' '}
        <Anchor component={Link} to="/doctor/profile?tab=kyc" size="sm" fw={600}>
          Profile &amp; KYC
        </Anchor>
        , then come back and save.
      </Text>
    </Alert>
  );
}

/** Weekly hours, slot settings and date overrides, published with "Save availability". */
export function AvailabilityForm({ rules }: { rules: AvailabilityRules }) {
  const save = useSaveAvailability();
  const form = useForm<AvailabilityFormValues, unknown, AvailabilityRules>({
    resolver: availabilityResolver,
    defaultValues: availabilityFormValues(rules),
  });
  const { errors, isDirty, isSubmitted } = form.formState;
  const overrides = useWatch({ control: form.control, name: 'overrides' });
  const [forbidden, setForbidden] = useState(false);
  const [otherError, setOtherError] = useState<{ error: unknown; items: string[] } | null>(null);

  const handleError = (error: unknown) => {
    if (isApiError(error) && (error.status === 403 || error.code === 'FORBIDDEN')) {
      setForbidden(true);
      return;
    }
    const { weeklyPaths } = toAvailabilityRequest(form.getValues());
    const unplaced: string[] = [];
    let focused = false;
    if (isApiError(error)) {
      for (const [apiPath, messages] of Object.entries(error.fieldErrors)) {
        const path = formPathOf(apiPath, weeklyPaths);
        const message = messages.map((m) => formMessage(apiPath, m)).join(' ');
        if (path) {
          form.setError(path as Path<AvailabilityFormValues>, { type: 'server', message }, { shouldFocus: !focused });
          focused = true;
        } else {
          unplaced.push(`${apiPath}: ${message}`);
        }
      }
    }
    if (!focused || unplaced.length) setOtherError({ error, items: unplaced });
  };

  const onSubmit = form.handleSubmit((values) => {
    setForbidden(false);
    setOtherError(null);
    save.mutate(values, {
      onSuccess: (saved) => {
        notifications.show({ color: 'teal', message: 'Availability saved' });
        form.reset(availabilityFormValues(saved));
      },
      onError: handleError,
    });
  });

  const summary = isSubmitted ? errorSummary(errors, overrides) : [];

  return (
    <Stack gap="lg">
      <FormProvider {...form}>
        <form onSubmit={(event) => void onSubmit(event)} noValidate>
          <Card withBorder radius="md" padding="lg">
            <Stack gap="xl">
              <FormSection title="Booking settings" description="Times are in your time zone; patients see them in theirs.">
                <Controller
                  control={form.control}
                  name="timeZone"
                  render={({ field, fieldState }) => (
                    <TimeZoneSelect
                      ref={field.ref}
                      name={field.name}
                      label="Time zone"
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      error={fieldState.error?.message}
                      size="sm"
                      maw={420}
                    />
                  )}
                />
                <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
                  <NumberField
                    name="slotMinutes"
                    label="Slot length (minutes)"
                    description={`${SLOT_MINUTES_MIN}–${SLOT_MINUTES_MAX}, in steps of ${TIME_STEP_MINUTES}`}
                    min={SLOT_MINUTES_MIN}
                    max={SLOT_MINUTES_MAX}
                    step={TIME_STEP_MINUTES}
                  />
                  <NumberField
                    name="bufferMinutes"
                    label="Buffer between slots (minutes)"
                    description="A break after each appointment"
                    min={0}
                    max={BUFFER_MINUTES_MAX}
                    step={TIME_STEP_MINUTES}
                  />
                  <NumberField
                    name="minNoticeHours"
                    label="Minimum notice (hours)"
                    description="How soon before a slot it can be booked"
                    min={0}
                    max={MIN_NOTICE_MINUTES_MAX / 60}
                    step={1}
                    decimals
                  />
                  <NumberField
                    name="maxAdvanceDays"
                    label="Bookable days ahead"
                    description="How far ahead patients can book"
                    min={1}
                    max={MAX_ADVANCE_DAYS_MAX}
                    step={1}
                  />
                </SimpleGrid>
              </FormSection>

              <Divider />

              <FormSection
                title="Weekly hours"
                description="Turn on the days you work and set your hours. Add a break to split a day; an end of 00:00 means midnight."
              >
                <WeeklyHours />
              </FormSection>

              <Divider />

              <FormSection title="Date overrides" description="Days off and one-off hours replace the weekly hours on that date.">
                <DateOverrides />
              </FormSection>

              {forbidden ? <NotApprovedAlert /> : null}
              {otherError ? (
                <ErrorAlert error={otherError.error} title="Your availability was not saved">
                  {otherError.items.length ? (
                    <List size="sm" mt="xs">
                      {otherError.items.map((item) => (
                        <List.Item key={item}>{item}</List.Item>
                      ))}
                    </List>
                  ) : null}
                </ErrorAlert>
              ) : null}
              {summary.length ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={<IconAlertCircle aria-hidden />}
                  title="Please fix these first"
                  role="alert"
                >
                  <List size="sm" spacing={2}>
                    {summary.map((item) => (
                      <List.Item key={`${item.label}-${item.message}`}>
                        <Text span size="sm" fw={600}>
                          {item.label}:
                        </Text>{' '}
                        {item.message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}

              <Group justify="flex-end" gap="sm">
                {isDirty ? (
                  <Text size="sm" c="dimmed">
                    Unsaved changes
                  </Text>
                ) : null}
                <Button type="submit" size="md" loading={save.isPending} w={{ base: '100%', xs: 'auto' }}>
                  Save availability
                </Button>
              </Group>
            </Stack>
          </Card>
        </form>
      </FormProvider>
      <AvailabilityPreview unsaved={isDirty} />
    </Stack>
  );
}
