import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../lib/api-error';
import { downloadAppointmentCalendar } from '../lib/appointments';

interface CalendarDownloadButtonProps extends Omit<ButtonProps, 'children' | 'loading' | 'onClick'> {
  appointmentId: string;
  /** The button text: "Add to calendar" or "Download .ics". */
  label?: string;
}

/** Saves the appointment as an .ics file for the patient's or doctor's own calendar app. */
export function CalendarDownloadButton({ appointmentId, label = 'Download .ics', ...props }: CalendarDownloadButtonProps) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadAppointmentCalendar(appointmentId);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not download the calendar file', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconCalendarPlus size={16} aria-hidden />}
      {...props}
      loading={busy}
      onClick={() => void download()}
    >
      {label}
    </Button>
  );
}
