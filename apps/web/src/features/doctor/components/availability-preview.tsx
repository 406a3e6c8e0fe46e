import { Alert, Badge, Card, Group, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCalendarOff, IconInfoCircle } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/error-alert';
import { formatClock, formatDayLabel } from '../../../lib/date-time';
import { PREVIEW_DAYS, useAvailabilityPreview } from '../api/use-availability-preview';

function PreviewSkeleton() {
  return (
    <Stack gap="md" role="status" aria-live="polite">
      <VisuallyHidden>Loading the preview</VisuallyHidden>
      {Array.from({ length: 4 }, (_, row) => (
        <Group key={row} gap="sm" wrap="nowrap" aria-hidden>
          <Skeleton height={14} width={80} radius="sm" style={{ flexShrink: 0 }} />
          <Group gap={6}>
            {Array.from({ length: 6 }, (_, badge) => (
              <Skeleton key={badge} height={20} width={52} radius="xl" />
            ))}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}

/** "Preview (next 14 days)": the free slots patients see under the saved rules, in the doctor's zone. */
export function AvailabilityPreview({ unsaved }: { unsaved: boolean }) {
  const preview = useAvailabilityPreview();
  const days = (preview.data?.days ?? []).filter((day) => day.slots.length > 0);
  const total = days.reduce((sum, day) => sum + day.slots.length, 0);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="availability-preview-title">
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <div>
          <Title order={2} size="h4" id="availability-preview-title">
            Preview (next {PREVIEW_DAYS} days)
          </Title>
          <Text size="sm" c="dimmed">
            The free times patients can book{preview.data ? `, in ${preview.data.timeZone}` : ''}. Booked times are left out.
          </Text>
        </div>
        {preview.data && total > 0 ? (
          <Badge variant="light" size="lg" tt="none">
            {total} free {total === 1 ? 'slot' : 'slots'}
          </Badge>
        ) : null}
      </Group>
      {unsaved ? (
        <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} p="xs" mb="sm">
          <Text size="sm">You have unsaved changes. The preview shows your saved hours.</Text>
        </Alert>
      ) : null}
      {preview.isPending ? (
        <PreviewSkeleton />
      ) : preview.isError ? (
        <ErrorAlert error={preview.error} title="Could not load the preview" />
      ) : total === 0 ? (
        <Stack align="center" gap={6} py="lg" ta="center">
          <IconCalendarOff size={32} color="var(--mantine-color-gray-5)" aria-hidden />
          <Text fw={600}>No free slots in the next {PREVIEW_DAYS} days</Text>
          <Text size="sm" c="dimmed" maw={420}>
            Turn on some weekdays, set their hours and save. Days off, the minimum notice and bookings also remove times.
          </Text>
        </Stack>
      ) : (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-busy={preview.isFetching}>
          {days.map((day, index) => (
            <Group
              component="li"
              key={day.date}
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              py="xs"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
            >
              <Stack gap={0} w={{ base: 84, xs: 104 }} style={{ flexShrink: 0 }}>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={day.date}>{formatDayLabel(day.date)}</time>
                </Text>
                <Text size="xs" c="dimmed">
                  {day.slots.length} {day.slots.length === 1 ? 'slot' : 'slots'}
                </Text>
              </Stack>
              <Group gap={6} style={{ flex: 1, minWidth: 0 }}>
                {day.slots.map((slot) => (
                  <Badge key={slot.start} variant="light" color="brand" radius="sm" tt="none" fw={600}>
                    {formatClock(slot.start, preview.data.timeZone)}
                  </Badge>
                ))}
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
