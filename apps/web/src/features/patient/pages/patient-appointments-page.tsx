import type { Appointment } from '@doctime/contracts';
import { Button, Stack, Tabs, Text } from '@mantine/core';
import { IconCalendarEvent, IconHistory, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AppointmentListSkeleton } from '../../../components/appointment-list-skeleton';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { PageTitle } from '../../../components/page-title';
import { PaginationBar } from '../../../components/pagination-bar';
import { useAppointments, type AppointmentScope } from '../../../lib/appointments';
import { browserTimeZone } from '../../../lib/time-zones';
import { useNow } from '../../../lib/use-now';
import { readChoice, readPage, useUrlParams } from '../../../lib/url-state';
import { AppointmentCard } from '../components/appointment-card';
import { PatientAppointmentModals } from '../components/patient-appointment-modals';
import { PATIENT_ROUTES } from '../routes';

const LIMIT = 10;
const SCOPES: readonly AppointmentScope[] = ['upcoming', 'past'];

interface AppointmentListProps {
  scope: AppointmentScope;
  page: number;
  timeZone: string;
  onPage: (page: number) => void;
  onReschedule: (appointment: Appointment) => void;
  onCancel: (appointment: Appointment) => void;
}

function AppointmentList({ scope, page, timeZone, onPage, onReschedule, onCancel }: AppointmentListProps) {
  const now = useNow();
  const list = useAppointments({ scope, page, limit: LIMIT });

  if (list.isPending) return <AppointmentListSkeleton />;
  if (list.isError) {
    return <LoadError error={list.error} title="Could not load your appointments" onRetry={() => void list.refetch()} />;
  }
  if (list.data.items.length === 0) {
    return scope === 'upcoming' ? (
      <EmptyState
        title="No upcoming appointments"
        icon={<IconCalendarEvent size={28} />}
        action={
          <Button component={Link} to={PATIENT_ROUTES.findDoctor} leftSection={<IconSearch size={16} aria-hidden />}>
            Find a doctor
          </Button>
        }
      >
        Book a video consultation with a verified doctor; it will appear here with its time and a calendar file.
      </EmptyState>
    ) : (
      <EmptyState title="No past appointments" icon={<IconHistory size={28} />}>
        Finished, cancelled and missed consultations will be listed here.
      </EmptyState>
    );
  }
  return (
    <Stack gap="md" style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
      {list.data.items.map((appointment) => (
        <AppointmentCard
          key={appointment.id}
          appointment={appointment}
          timeZone={timeZone}
          now={now}
          onReschedule={onReschedule}
          onCancel={onCancel}
        />
      ))}
      <PaginationBar page={page} total={list.data.total} limit={LIMIT} noun="appointments" onChange={onPage} />
    </Stack>
  );
}

/** /patient/appointments?tab=past&page=: the patient's upcoming and past consultations. */
export function PatientAppointmentsPage() {
  const [params, setParams] = useUrlParams();
  const scope = readChoice(params, 'tab', SCOPES, 'upcoming');
  const page = readPage(params);
  const [timeZone] = useState(browserTimeZone);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [rescheduling, setRescheduling] = useState<Appointment | null>(null);

  const list = (tab: AppointmentScope) => (
    <AppointmentList
      scope={tab}
      page={page}
      timeZone={timeZone}
      onPage={(next) => {
        setParams({ page: next === 1 ? null : next });
        window.scrollTo({ top: 0, behavior: 'smooth' });
      }}
      onReschedule={setRescheduling}
      onCancel={setCancelling}
    />
  );

  return (
    <>
      <PageTitle description="Upcoming and past consultations.">My appointments</PageTitle>
      <Tabs value={scope} onChange={(value) => setParams({ tab: value === 'past' ? 'past' : null })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="upcoming" leftSection={<IconCalendarEvent size={16} aria-hidden />}>
            Upcoming
          </Tabs.Tab>
          <Tabs.Tab value="past" leftSection={<IconHistory size={16} aria-hidden />}>
            Past
          </Tabs.Tab>
        </Tabs.List>
        <Text size="xs" c="dimmed" mb="sm">
          Times are shown in your time zone, {timeZone}.
        </Text>
        <Tabs.Panel value="upcoming">{scope === 'upcoming' ? list('upcoming') : null}</Tabs.Panel>
        <Tabs.Panel value="past">{scope === 'past' ? list('past') : null}</Tabs.Panel>
      </Tabs>
      <PatientAppointmentModals
        timeZone={timeZone}
        cancelling={cancelling}
        rescheduling={rescheduling}
        onCloseCancel={() => setCancelling(null)}
        onCloseReschedule={() => setRescheduling(null)}
      />
    </>
  );
}
