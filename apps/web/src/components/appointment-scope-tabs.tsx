import { Tabs } from '@mantine/core';
import { IconCalendarEvent, IconHistory } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { AppointmentScope } from '../lib/appointments';

interface AppointmentScopeTabsProps {
  scope: AppointmentScope;
  onChange: (scope: AppointmentScope) => void;
  /** Shown under the tab list, above either panel. */
  note?: ReactNode;
  /** Rendered only while its tab is open, so the hidden list is not fetched. */
  children: (scope: AppointmentScope) => ReactNode;
}

/** The "Upcoming" / "Past" tabs that patients and doctors both use for their appointments. */
export function AppointmentScopeTabs({ scope, onChange, note, children }: AppointmentScopeTabsProps) {
  return (
    <Tabs value={scope} onChange={(value) => onChange(value === 'past' ? 'past' : 'upcoming')}>
      <Tabs.List mb="md">
        <Tabs.Tab value="upcoming" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
          Upcoming
        </Tabs.Tab>
        <Tabs.Tab value="past" leftSection={<IconHistory size={16} aria-hidden />}>
          Past
        </Tabs.Tab>
      </Tabs.List>
      {note}
      <Tabs.Panel value="upcoming">{scope === 'upcoming' ? children('upcoming') : null}</Tabs.Panel>
      <Tabs.Panel value="past">{scope === 'past' ? children('past') : null}</Tabs.Panel>
    </Tabs>
  );
}
