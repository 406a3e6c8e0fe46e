import { Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconChecks, IconClock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { DELIVERY_LABEL, type Delivery } from './chat-format';

const ICONS: Record<Delivery, ReactNode> = {
  sending: <IconClock size={14} aria-hidden />,
  failed: <IconAlertCircle size={14} color="var(--mantine-color-red-6)" aria-hidden />,
  sent: <IconCheck size={14} aria-hidden />,
  delivered: <IconChecks size={14} aria-hidden />,
  read: <IconChecks size={14} color="var(--mantine-color-blue-6)" aria-hidden />,
};

/** Pending, sent, delivered or read, as an icon with its name for screen readers. */
export function DeliveryTicks({ delivery }: { delivery: Delivery }) {
  const label = DELIVERY_LABEL[delivery];
  return (
    <Tooltip label={label} withArrow openDelay={300}>
      <span role="img" aria-label={label} data-delivery={delivery} style={{ display: 'inline-flex' }}>
        {ICONS[delivery]}
      </span>
    </Tooltip>
  );
}
