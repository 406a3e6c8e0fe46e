import type { KycStatus } from '@doctime/contracts';
import { Text, ThemeIcon, Timeline } from '@mantine/core';
import { IconCheck, IconClockHour4, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format';
import { KYC_STATUS_COLOR } from '../lib/kyc';

export interface KycHistoryEvent {
  from: KycStatus;
  to: KycStatus;
  byRole: string;
  at: string;
  reason?: string | undefined;
}

const TITLES: Record<KycStatus, string> = {
  not_submitted: 'Reset',
  pending: 'Documents submitted',
  approved: 'Verified',
  rejected: 'Application declined',
  resubmission_requested: 'Changes requested',
};

const ICONS: Record<KycStatus, ReactNode> = {
  not_submitted: <IconClockHour4 size={14} />,
  pending: <IconSend size={14} />,
  approved: <IconCheck size={14} />,
  rejected: <IconX size={14} />,
  resubmission_requested: <IconRefresh size={14} />,
};

function actor(role: string): string {
  if (role === 'admin') return 'an administrator';
  if (role === 'doctor') return 'the doctor';
  return role === 'system' ? 'DocTime' : role;
}

/** Every change of a doctor's verification status, oldest first. */
export function KycHistoryTimeline({ events }: { events: readonly KycHistoryEvent[] }) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened yet.
      </Text>
    );
  }
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Timeline active={sorted.length - 1} bulletSize={26} lineWidth={2}>
      {sorted.map((event, index) => (
        <Timeline.Item
          key={`${event.at}-${index}`}
          title={TITLES[event.to]}
          bullet={
            <ThemeIcon size={26} radius="xl" color={KYC_STATUS_COLOR[event.to]} aria-hidden>
              {ICONS[event.to]}
            </ThemeIcon>
          }
        >
          <Text size="xs" c="dimmed">
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> · by {actor(event.byRole)}
          </Text>
          {event.reason ? (
            <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {event.reason}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
