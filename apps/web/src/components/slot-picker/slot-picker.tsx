import type { Slot } from '@doctime/contracts';
import { Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconCalendarOff } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { dateRange, formatClock, formatLongDay, todayIn } from '../../lib/date-time';
import { useNow } from '../../lib/use-now';
import { LoadError } from '../load-error';
import { DateStrip } from './date-strip';
import classes from './slot-picker.module.css';
import { useDoctorSlots } from './use-doctor-slots';

export const SLOT_PICKER_DAYS = 14;

export interface SlotPickerProps {
  doctorId: string;
  /** The viewer's zone: dates and times are shown in it. */
  timeZone: string;
  /** The chosen slot's start, highlighted. */
  selectedStart?: string | null | undefined;
  onSelect: (slot: Slot) => void;
  /** How many days the strip shows, from today. */
  days?: number;
  disabled?: boolean;
}

function PickerSkeleton({ days }: { days: number }) {
  return (
    <Stack gap="md" role="status" aria-live="polite">
      <VisuallyHidden>Loading free times</VisuallyHidden>
      <Group gap={8} wrap="nowrap" style={{ overflow: 'hidden' }} aria-hidden>
        {Array.from({ length: Math.min(days, 7) }, (_, index) => (
          <Skeleton key={index} height={86} width={62} radius="md" style={{ flexShrink: 0 }} />
        ))}
      </Group>
      <Skeleton height={14} width="50%" radius="sm" aria-hidden />
      <div className={classes.slots} aria-hidden>
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} height={36} radius="md" />
        ))}
      </div>
    </Stack>
  );
}

/**
 * A date strip of the next `days` days and the chosen date's free times, all
 * in `timeZone`. Dates without free times are disabled; the first date with
 * some is chosen to start with.
 */
export function SlotPicker({ doctorId, timeZone, selectedStart, onSelect, days = SLOT_PICKER_DAYS, disabled }: SlotPickerProps) {
  // Re-reads "today" every minute, so a picker left open past midnight moves on.
  const now = useNow(60_000);
  const from = todayIn(timeZone, now);
  const dates = useMemo(() => dateRange(from, days), [from, days]);
  const to = dates.at(-1) ?? from;
  const slots = useDoctorSlots({ doctorId, from, to, timeZone });
  const [chosenDate, setChosenDate] = useState<string | null>(null);

  const byDate = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const day of slots.data?.days ?? []) map.set(day.date, day.slots);
    return map;
  }, [slots.data]);
  const counts = useMemo(() => new Map([...byDate].map(([date, list]) => [date, list.length])), [byDate]);

  if (slots.isPending) return <PickerSkeleton days={days} />;
  if (slots.isError) {
    return <LoadError error={slots.error} title="Could not load free times" onRetry={() => void slots.refetch()} />;
  }

  const firstFree = dates.find((date) => (counts.get(date) ?? 0) > 0);
  const selectedDate = chosenDate && dates.includes(chosenDate) ? chosenDate : (firstFree ?? dates[0] ?? from);
  const daySlots = byDate.get(selectedDate) ?? [];

  return (
    <Stack gap="md">
      <DateStrip dates={dates} counts={counts} selected={selectedDate} onSelect={setChosenDate} />
      <Text size="sm" fw={600} aria-live="polite">
        {formatLongDay(selectedDate)}
      </Text>
      {daySlots.length === 0 ? (
        <Stack gap={4} align="center" ta="center" py="md">
          <IconCalendarOff size={28} color="var(--mantine-color-gray-5)" aria-hidden />
          <Text fw={600} size="sm">
            No free times on this day
          </Text>
          <Text size="xs" c="dimmed" maw={300}>
            {firstFree
              ? 'Pick another date above.'
              : `There are no free times in the next ${days} days. Please check again later.`}
          </Text>
        </Stack>
      ) : (
        <div className={classes.slots} role="group" aria-label="Free times">
          {daySlots.map((slot) => {
            const selected = slot.start === selectedStart;
            return (
              <Button
                key={slot.start}
                variant={selected ? 'filled' : 'default'}
                size="sm"
                px={4}
                aria-pressed={selected}
                disabled={disabled}
                onClick={() => onSelect(slot)}
              >
                {formatClock(slot.start, timeZone)}
              </Button>
            );
          })}
        </div>
      )}
      {slots.isFetching && !slots.isPending ? <VisuallyHidden role="status">Updating free times</VisuallyHidden> : null}
    </Stack>
  );
}
