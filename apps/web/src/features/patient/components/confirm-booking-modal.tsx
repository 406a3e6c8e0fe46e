import type { Appointment, PublicDoctor, Slot } from '@doctime/contracts';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { DetailList } from '../../../components/detail-list';
import { ErrorAlert } from '../../../components/error-alert';
import { isSlotTaken, newIdempotencyKey } from '../../../lib/appointments';
import { dateIn, formatClockRange, formatLongDay, minutesBetween, zoneWithOffset } from '../../../lib/date-time';
import { formatMoney } from '../../../lib/format';
import { useBookAppointment } from '../api/use-book-appointment';

const REASON_MAX = 500;

interface BookingFormProps {
  doctor: PublicDoctor;
  slot: Slot;
  timeZone: string;
  onClose: () => void;
  onBooked: (appointment: Appointment) => void;
  onTaken: () => void;
}

function BookingForm({ doctor, slot, timeZone, onClose, onBooked, onTaken }: BookingFormProps) {
  const book = useBookAppointment();
  const [reason, setReason] = useState('');
  // Pressing "Book appointment" again after a failure retries the same booking with the same key;
  // a changed request (another reason) is a new booking and gets a new key (the API refuses a reused one).
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const submit = () => {
    const trimmed = reason.trim();
    const body = { doctorId: doctor.id, start: slot.start, timeZone, ...(trimmed ? { reason: trimmed } : {}) };
    const fingerprint = JSON.stringify(body);
    if (attempt.current?.body !== fingerprint) attempt.current = { body: fingerprint, key: newIdempotencyKey() };
    book.mutate(
      { body, idempotencyKey: attempt.current.key },
      {
        onSuccess: (data) => onBooked(data.appointment),
        onError: (error) => {
          if (isSlotTaken(error)) onTaken();
        },
      },
    );
  };

  const minutes = minutesBetween(slot.start, slot.end);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <DetailList
          items={[
            { label: 'Doctor', value: `${doctor.name} · ${doctor.specialty.name}`, wide: true },
            { label: 'Date', value: formatLongDay(dateIn(slot.start, timeZone)) },
            { label: 'Time', value: `${formatClockRange(slot.start, slot.end, timeZone)} (${minutes} min)` },
            { label: 'Time zone', value: zoneWithOffset(timeZone, new Date(slot.start)) },
            { label: 'Fee', value: formatMoney(doctor.consultationFee.amount, doctor.consultationFee.currency) },
          ]}
        />
        {book.isError && !isSlotTaken(book.error) ? <ErrorAlert error={book.error} title="Not booked yet" /> : null}
        <Textarea
          label="Reason for visit (optional)"
          description="Helps your doctor prepare. Only your doctor sees it."
          placeholder="e.g. A cough that has lasted two weeks"
          autosize
          minRows={3}
          maxRows={6}
          maxLength={REASON_MAX}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={book.isPending}>
            Choose another time
          </Button>
          <Button type="submit" loading={book.isPending} data-autofocus>
            Book appointment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface ConfirmBookingModalProps extends Omit<BookingFormProps, 'slot'> {
  /** The chosen slot; the modal is closed while null. */
  slot: Slot | null;
}

/** "Confirm booking": who, when (in the patient's zone), the fee and an optional reason. */
export function ConfirmBookingModal({ slot, ...props }: ConfirmBookingModalProps) {
  return (
    <Modal opened={slot !== null} onClose={props.onClose} title="Confirm booking" centered>
      {slot ? <BookingForm key={slot.start} slot={slot} {...props} /> : null}
    </Modal>
  );
}
