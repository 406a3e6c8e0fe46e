import type { PublicDoctor, Slot } from '@doctime/contracts';
import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconWorld } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { SlotPicker } from '../../../components/slot-picker';
import { TimeZoneSelect } from '../../../components/time-zone-select';
import { SLOT_TAKEN_MESSAGE, doctorSlotsKey } from '../../../lib/appointments';
import { zoneOffset } from '../../../lib/date-time';
import { formatMoney } from '../../../lib/format';
import { browserTimeZone } from '../../../lib/time-zones';
import { ConfirmBookingModal } from './confirm-booking-modal';

/** "Book a consultation": the doctor's free times in the patient's zone, then a confirmation. */
export function BookingPanel({ doctor }: { doctor: PublicDoctor }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [taken, setTaken] = useState(false);

  const handleTaken = () => {
    setSlot(null);
    setTaken(true);
    void queryClient.invalidateQueries({ queryKey: doctorSlotsKey(doctor.id) });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="book-consultation-title" id="book">
      <Stack gap="md">
        <div>
          <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
            <Title order={2} size="h4" id="book-consultation-title">
              Book a consultation
            </Title>
            <IconCalendarEvent size={22} color="var(--mantine-color-brand-7)" aria-hidden style={{ flexShrink: 0 }} />
          </Group>
          <Text fw={700} size="xl">
            {formatMoney(doctor.consultationFee.amount, doctor.consultationFee.currency)}
            <Text span size="sm" c="dimmed" fw={400}>
              {' '}
              per video consultation
            </Text>
          </Text>
        </div>

        <Stack gap={6}>
          <Group gap={6} wrap="nowrap" c="dimmed">
            <IconWorld size={16} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              Times shown in {timeZone}
              <Text span size="sm" c="dimmed">
                {' '}
                ({zoneOffset(timeZone)})
              </Text>
            </Text>
          </Group>
          <TimeZoneSelect
            label="Your time zone"
            value={timeZone}
            onChange={(zone) => {
              setTimeZone(zone);
              setTaken(false);
            }}
            size="sm"
          />
        </Stack>

        {taken ? (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            role="alert"
            withCloseButton
            closeButtonLabel="Dismiss"
            onClose={() => setTaken(false)}
            p="sm"
          >
            {SLOT_TAKEN_MESSAGE}
          </Alert>
        ) : null}

        <SlotPicker
          doctorId={doctor.id}
          timeZone={timeZone}
          selectedStart={slot?.start}
          onSelect={(next) => {
            setTaken(false);
            setSlot(next);
          }}
        />
      </Stack>

      <ConfirmBookingModal
        doctor={doctor}
        slot={slot}
        timeZone={timeZone}
        onClose={() => setSlot(null)}
        onTaken={handleTaken}
        onBooked={(appointment) => navigate(`/patient/appointments/${encodeURIComponent(appointment.id)}?booked=1`)}
      />
    </Card>
  );
}
