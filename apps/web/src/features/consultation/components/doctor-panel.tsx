import type { Appointment } from '@doctime/contracts';
import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AppointmentStatusBadge } from '../../../components/appointment-status-badge';
import { ErrorAlert } from '../../../components/error-alert';
import { OutcomeModal } from '../../../components/outcome-modal';
import { formatDateTimeIn } from '../../../lib/date-time';
import { useEarlierAppointments } from '../api/use-consultation';

/** Beside the doctor's call: who the patient is, why they came, their earlier visits; and "mark completed". */
export function DoctorPanel({ appointment: a, now }: { appointment: Appointment; now: number }) {
  const earlier = useEarlierAppointments(a.id);
  const [confirming, setConfirming] = useState(false);
  const zone = a.doctor.timeZone;
  const started = Date.parse(a.start) <= now;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="patient-panel-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="patient-panel-title">
          {a.patient.name}
        </Title>
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Reason for visit
          </Text>
          <Text size="sm">{a.reason ?? 'No reason given.'}</Text>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Earlier consultations with you
          </Text>
          {earlier.isPending ? (
            <Skeleton height={40} radius="sm" aria-label="Loading earlier consultations" />
          ) : earlier.isError ? (
            <ErrorAlert error={earlier.error} title="Could not load earlier consultations" />
          ) : earlier.data.items.length === 0 ? (
            <Text size="sm">This is their first consultation with you.</Text>
          ) : (
            <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
              {earlier.data.items.map((e) => (
                <li key={e.id}>
                  <Group gap="xs" wrap="nowrap" justify="space-between">
                    <Anchor component={Link} to={`/doctor/appointments/${encodeURIComponent(e.id)}`} size="sm" target="_blank">
                      {formatDateTimeIn(e.start, zone)}
                    </Anchor>
                    <AppointmentStatusBadge status={e.status} size="xs" />
                  </Group>
                  {e.reason ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {e.reason}
                    </Text>
                  ) : null}
                </li>
              ))}
            </Stack>
          )}
        </Stack>
        {a.status === 'confirmed' ? (
          <Stack gap={4}>
            <Button
              variant="light"
              color="green"
              leftSection={<IconCircleCheck size={16} aria-hidden />}
              disabled={!started}
              onClick={() => setConfirming(true)}
              aria-describedby={started ? undefined : 'complete-hint'}
            >
              Mark completed
            </Button>
            {started ? null : (
              <Text size="xs" c="dimmed" id="complete-hint">
                Available once the appointment has started.
              </Text>
            )}
          </Stack>
        ) : (
          <Group gap="xs">
            <Text size="sm">Status:</Text>
            <AppointmentStatusBadge status={a.status} />
          </Group>
        )}
      </Stack>
      <OutcomeModal request={confirming ? { appointment: a, outcome: 'completed' } : null} onClose={() => setConfirming(false)} />
    </Card>
  );
}
