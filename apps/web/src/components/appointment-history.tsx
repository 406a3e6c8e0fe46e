import type { Appointment } from '@doctime/contracts';
import { Card, Text, ThemeIcon, Timeline, Title } from '@mantine/core';
import { IconCalendarCheck, IconCalendarRepeat, IconCheck, IconUserOff, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTimeIn } from '../lib/date-time';

type HistoryEntry = Appointment['history'][number];
type Viewer = 'patient' | 'doctor' | 'admin';

const MOVED = /^Moved from (\S+) to (\S+)$/;

function describe(entry: HistoryEntry): { title: string; icon: ReactNode; color: string } {
  if (entry.to === 'cancelled') return { title: 'Cancelled', icon: <IconX size={14} />, color: 'red' };
  if (entry.to === 'completed') return { title: 'Marked completed', icon: <IconCheck size={14} />, color: 'green' };
  if (entry.to === 'no_show') return { title: 'Marked as a no-show', icon: <IconUserOff size={14} />, color: 'orange' };
  if (entry.from === 'confirmed' && entry.to === 'confirmed') {
    return { title: 'Rescheduled', icon: <IconCalendarRepeat size={14} />, color: 'blue' };
  }
  return { title: 'Booked', icon: <IconCalendarCheck size={14} />, color: 'teal' };
}

function actor(by: HistoryEntry['by'], viewer: Viewer): string {
  if (by === viewer) return 'you';
  if (by === 'admin') return 'an administrator';
  return by === 'doctor' ? 'the doctor' : 'the patient';
}

/** "Moved from <iso> to <iso>" in the viewer's zone; any other reason as written. */
function reasonText(reason: string, timeZone: string): string {
  const moved = MOVED.exec(reason);
  if (!moved) return reason;
  return `Moved from ${formatDateTimeIn(moved[1]!, timeZone)} to ${formatDateTimeIn(moved[2]!, timeZone)}`;
}

interface AppointmentHistoryProps {
  history: readonly HistoryEntry[];
  /** Who is looking: their own changes read "by you". */
  viewer: Viewer;
  timeZone: string;
}

/** Every change of an appointment, oldest first. */
export function AppointmentHistory({ history, viewer, timeZone }: AppointmentHistoryProps) {
  const sorted = [...history].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No changes yet.
      </Text>
    );
  }
  return (
    <Timeline active={sorted.length - 1} bulletSize={26} lineWidth={2}>
      {sorted.map((entry, index) => {
        const { title, icon, color } = describe(entry);
        return (
          <Timeline.Item
            key={`${entry.at}-${index}`}
            title={title}
            bullet={
              <ThemeIcon size={26} radius="xl" color={color} aria-hidden>
                {icon}
              </ThemeIcon>
            }
          >
            <Text size="xs" c="dimmed">
              <time dateTime={entry.at}>{formatDateTimeIn(entry.at, timeZone)}</time> · by {actor(entry.by, viewer)}
            </Text>
            {entry.reason ? (
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {reasonText(entry.reason, timeZone)}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** The history as a titled card beside an appointment's details. */
export function AppointmentHistoryCard(props: { history: HistoryEntry[]; viewer: Viewer; timeZone: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="appointment-history-title">
      <Title order={2} size="h4" mb="md" id="appointment-history-title">
        History
      </Title>
      <AppointmentHistory {...props} />
    </Card>
  );
}
