import { ActionIcon, Button, Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { DEFAULT_INTERVAL, WEEKDAYS, intervalLabel, nextInterval, type AvailabilityFormValues } from './availability-form-values';
import classes from './weekly-hours.module.css';

const MAX_INTERVALS_PER_DAY = 24;

function DayRow({ dayIndex }: { dayIndex: number }) {
  const { control, register, getValues, formState } = useFormContext<AvailabilityFormValues>();
  const { fields, append, remove, replace } = useFieldArray({ control, name: `days.${dayIndex}.intervals` });
  const enabled = useWatch({ control, name: `days.${dayIndex}.enabled` });
  const errorId = useId();
  const weekday = WEEKDAYS[dayIndex] ?? '';
  const dayErrors = formState.errors.days?.[dayIndex]?.intervals;

  return (
    <div className={classes.row} data-enabled={enabled || undefined}>
      <div className={classes.day}>
        <Controller
          control={control}
          name={`days.${dayIndex}.enabled`}
          render={({ field }) => (
            <Switch
              ref={field.ref}
              name={field.name}
              label={weekday}
              checked={field.value}
              onChange={(event) => {
                const on = event.currentTarget.checked;
                field.onChange(on);
                replace(on ? [{ ...DEFAULT_INTERVAL }] : []);
              }}
              onBlur={field.onBlur}
              size="md"
              fw={600}
            />
          )}
        />
      </div>

      <div className={classes.intervals}>
        {enabled ? (
          <Stack gap={8}>
            {fields.map((field, intervalIndex) => {
              const errors = dayErrors?.[intervalIndex];
              const messages = [errors?.start?.message, errors?.end?.message].filter(Boolean);
              const describedBy = messages.length ? `${errorId}-${intervalIndex}` : undefined;
              return (
                <div key={field.id}>
                  <Group gap={8} wrap="nowrap" align="center">
                    <TextInput
                      type="time"
                      step={300}
                      aria-label={intervalLabel(dayIndex, intervalIndex, 'start')}
                      size="sm"
                      className={classes.time}
                      error={!!errors?.start}
                      aria-describedby={describedBy}
                      {...register(`days.${dayIndex}.intervals.${intervalIndex}.start`)}
                    />
                    <Text size="sm" c="dimmed" aria-hidden>
                      –
                    </Text>
                    <TextInput
                      type="time"
                      step={300}
                      aria-label={intervalLabel(dayIndex, intervalIndex, 'end')}
                      size="sm"
                      className={classes.time}
                      error={!!errors?.end}
                      aria-describedby={describedBy}
                      {...register(`days.${dayIndex}.intervals.${intervalIndex}.end`)}
                    />
                    {intervalIndex > 0 ? (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="lg"
                        aria-label="Remove interval"
                        onClick={() => remove(intervalIndex)}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    ) : (
                      <span className={classes.iconSpacer} aria-hidden />
                    )}
                  </Group>
                  {messages.length ? (
                    <Text id={describedBy} size="xs" c="red.7" mt={4}>
                      {messages.join(' ')}
                    </Text>
                  ) : null}
                </div>
              );
            })}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" className={classes.off}>
            Unavailable
          </Text>
        )}
      </div>

      <div className={classes.actions}>
        {enabled ? (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPlus size={14} aria-hidden />}
            disabled={fields.length >= MAX_INTERVALS_PER_DAY}
            onClick={() => append(nextInterval(getValues(`days.${dayIndex}.intervals`).at(-1)))}
          >
            Add break
          </Button>
        ) : null}
      </div>
    </div>
  );
}

/** Monday to Sunday: a switch per day and its working hours, with breaks between intervals. */
export function WeeklyHours() {
  return (
    <div className={classes.grid}>
      {WEEKDAYS.map((weekday, index) => (
        <DayRow key={weekday} dayIndex={index} />
      ))}
    </div>
  );
}
