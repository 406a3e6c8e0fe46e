import type { Appointment } from '@doctime/contracts';
import { Button, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconHistory, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AppointmentListSkeleton } from '../../../components/appointment-list-skeleton';
import { EmptyState } from '../../../components/empty-state';
import { AppointmentScopeTabs } from '../../../components/appointment-scope-tabs';
import { PageTitle } from '../../../components/page-title';
import { PagedResults } from '../../../components/paged-results';
import { useAppointmentTabParams, useAppointments, type AppointmentScope } from '../../../lib/appointments';
import { browserTimeZone } from '../../../lib/time-zones';
import { useNow } from '../../../lib/use-now';
import { AppointmentCard } from '../components/appointment-card';
import { PatientAppointmentModals } from '../components/patient-appointment-modals';
import { PATIENT_ROUTES } from '../routes';

const LIMIT = 10;

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
  const empty =
    scope === 'upcoming' ? (
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
  return (
    <PagedResults
      query={list}
      loading={<AppointmentListSkeleton />}
      errorTitle="Could not load your appointments"
      empty={empty}
      pager={{ page, limit: LIMIT, noun: 'appointments', onChange: onPage }}
    >
      {(items) => (
        <Stack gap="md">
          {items.map((appointment) => (
            <AppointmentCard
              key={appointment.id}
              appointment={appointment}
              timeZone={timeZone}
              now={now}
              onReschedule={onReschedule}
              onCancel={onCancel}
            />
          ))}
        </Stack>
      )}
    </PagedResults>
  );
}

/** /patient/appointments?tab=past&page=: the patient's upcoming and past consultations. */
export function PatientAppointmentsPage() {
  const tabs = useAppointmentTabParams();
  const [timeZone] = useState(browserTimeZone);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const [rescheduling, setRescheduling] = useState<Appointment | null>(null);

  return (
    <>
      <PageTitle description="Upcoming and past consultations.">My appointments</PageTitle>
      <AppointmentScopeTabs
        scope={tabs.scope}
        onChange={tabs.setScope}
        note={
          <Text size="xs" c="dimmed" mb="sm">
            Times are shown in your time zone, {timeZone}.
          </Text>
        }
      >
        {(scope) => (
          <AppointmentList
            scope={scope}
            page={tabs.page}
            timeZone={timeZone}
            onPage={tabs.setPage}
            onReschedule={setRescheduling}
            onCancel={setCancelling}
          />
        )}
      </AppointmentScopeTabs>
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
