import type { DateOverride } from '@doctime/contracts';
import { ActionIcon, Badge, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarOff, IconClockEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { firstErrorMessage } from '../../../lib/form-errors';
import { formatDayLabel, formatLongDay, todayIn } from '../../../lib/date-time';
import { clockMinutes, endForApi, normalizeClock, type AvailabilityFormValues } from './availability-form-values';
import classes from './date-overrides.module.css';

type Kind = 'off' | 'hours';

const KIND_OPTIONS = [
  { value: 'off', label: 'Day off' },
  { value: 'hours', label: 'Custom hours' },
];

function describe(override: DateOverride): string {
  if ('unavailable' in override) return 'Day off';
  return override.intervals.map((interval) => `${interval.start}–${interval.end}`).join(', ');
}

interface Draft {
  date: string;
  kind: Kind;
  start: string;
  end: string;
}

const EMPTY_DRAFT: Draft = { date: '', kind: 'off', start: '09:00', end: '13:00' };

/** Checks the draft and builds the override, or says what is wrong with it. */
function buildOverride(draft: Draft, today: string): { override: DateOverride } | { field: 'date' | 'time'; message: string } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return { field: 'date', message: 'Choose a date' };
  if (draft.date < today) return { field: 'date', message: 'Choose today or a later date' };
  if (draft.kind === 'off') return { override: { date: draft.date, unavailable: true } };
  const start = normalizeClock(draft.start);
  const end = endForApi(draft.end);
  const startMinutes = clockMinutes(start);
  const endMinutes = clockMinutes(end);
  if (startMinutes === null || endMinutes === null) return { field: 'time', message: 'Enter a start and an end time' };
  if (startMinutes % 5 !== 0 || endMinutes % 5 !== 0)
    return { field: 'time', message: 'Use times on a 5-minute step, e.g. 09:05' };
  if (endMinutes <= startMinutes) return { field: 'time', message: 'The end must be after the start' };
  return { override: { date: draft.date, intervals: [{ start, end }] } };
}

/** "Date overrides": days off and one-off hours that replace the weekly hours on a date. */
export function DateOverrides() {
  const { control, formState } = useFormContext<AvailabilityFormValues>();
  const { fields, insert, remove, update } = useFieldArray({ control, name: 'overrides' });
  const timeZone = useWatch({ control, name: 'timeZone' });
  const overrides = useWatch({ control, name: 'overrides' });
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [problem, setProblem] = useState<{ field: 'date' | 'time'; message: string } | null>(null);
  const today = todayIn(timeZone || 'UTC');

  const change = (patch: Partial<Draft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setProblem(null);
  };

  const add = () => {
    const built = buildOverride(draft, today);
    if ('message' in built) {
      setProblem(built);
      return;
    }
    const next = built.override;
    const existingIndex = overrides.findIndex((item) => item.date === next.date);
    if (existingIndex >= 0) {
      const existing = overrides[existingIndex]!;
      if ('intervals' in existing && 'intervals' in next) {
        // Another interval on the same date: merge, earliest first.
        const intervals = [...existing.intervals, ...next.intervals].sort((a, b) => a.start.localeCompare(b.start));
        update(existingIndex, { date: next.date, intervals });
      } else {
        setProblem({ field: 'date', message: 'This date already has an override. Remove it first to change it.' });
        return;
      }
    } else {
      const at = overrides.findIndex((item) => item.date > next.date);
      insert(at === -1 ? overrides.length : at, next);
    }
    setDraft((current) => ({ ...EMPTY_DRAFT, kind: current.kind, start: current.start, end: current.end }));
  };

  return (
    <Stack gap="md">
      <div className={classes.draft}>
        <TextInput
          type="date"
          label="Override date"
          min={today}
          value={draft.date}
          onChange={(event) => change({ date: event.currentTarget.value })}
          error={problem?.field === 'date' ? problem.message : undefined}
          size="sm"
          className={classes.date}
        />
        <Radio.Group
          label="Override type"
          value={draft.kind}
          onChange={(value) => change({ kind: value === 'hours' ? 'hours' : 'off' })}
          size="sm"
          className={classes.kind}
        >
          <Group gap="md" className={classes.radios}>
            {KIND_OPTIONS.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
        {draft.kind === 'hours' ? (
          <Group gap={8} wrap="nowrap" align="flex-start" className={classes.hours}>
            <TextInput
              type="time"
              step={300}
              label="Override start"
              value={draft.start}
              onChange={(event) => change({ start: event.currentTarget.value })}
              error={problem?.field === 'time'}
              size="sm"
              style={{ flex: 1 }}
            />
            <TextInput
              type="time"
              step={300}
              label="Override end"
              value={draft.end}
              onChange={(event) => change({ end: event.currentTarget.value })}
              error={problem?.field === 'time'}
              size="sm"
              style={{ flex: 1 }}
            />
          </Group>
        ) : null}
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} size="sm" className={classes.add}>
          Add override
        </Button>
      </div>
      {problem?.field === 'time' ? (
        <Text size="xs" c="red.7" mt={-8} role="alert">
          {problem.message}
        </Text>
      ) : null}

      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          No overrides yet. Add a day off (a holiday) or different hours for a single date.
        </Text>
      ) : (
        <Stack component="ul" gap={0} className={classes.list} aria-label="Overrides">
          {fields.map((field, index) => {
            const item = overrides[index] ?? (field as unknown as DateOverride);
            const past = item.date < today;
            const error = firstErrorMessage(formState.errors.overrides?.[index]);
            return (
              <li key={field.id} className={classes.item}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                    {'unavailable' in item ? (
                      <IconCalendarOff size={18} color="var(--mantine-color-red-6)" aria-hidden style={{ flexShrink: 0 }} />
                    ) : (
                      <IconClockEdit size={18} color="var(--mantine-color-brand-7)" aria-hidden style={{ flexShrink: 0 }} />
                    )}
                    <div style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600}>
                        <time dateTime={item.date}>{formatLongDay(item.date)}</time>
                        {past ? (
                          <Badge size="xs" variant="light" color="gray" ml={6}>
                            Past
                          </Badge>
                        ) : null}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {describe(item)}
                      </Text>
                      {error ? (
                        <Text size="xs" c="red.7">
                          {error}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`Remove override for ${formatDayLabel(item.date)}`}
                    onClick={() => remove(index)}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
