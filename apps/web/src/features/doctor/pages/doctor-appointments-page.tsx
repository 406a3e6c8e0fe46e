import { appointmentStatusValues, type Appointment, type AppointmentStatus } from '@doctime/contracts';
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconClockHour4, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { AppointmentListSkeleton } from '../../../components/appointment-list-skeleton';
import { AppointmentScopeTabs } from '../../../components/appointment-scope-tabs';
import { CancelAppointmentModal } from '../../../components/cancel-appointment-modal';
import { EmptyState } from '../../../components/empty-state';
import { PageTitle } from '../../../components/page-title';
import { PagedResults } from '../../../components/paged-results';
import {
  APPOINTMENT_STATUS_LABEL,
  useAppointmentTabParams,
  useAppointments,
  type AppointmentScope,
} from '../../../lib/appointments';
import { formatDateTimeIn } from '../../../lib/date-time';
import { useNow } from '../../../lib/use-now';
import { readChoice } from '../../../lib/url-state';
import { useRefreshPreview } from '../api/use-refresh-preview';
import { DoctorAppointmentRow } from '../components/doctor-appointment-row';
import { OutcomeModal, type OutcomeRequest } from '../../../components/outcome-modal';

const LIMIT = 10;
const STATUS_FILTERS = ['all', ...appointmentStatusValues.filter((status) => status !== 'pending_payment')] as const;
type StatusFilter = (typeof STATUS_FILTERS)[number];
const STATUS_OPTIONS = STATUS_FILTERS.map((value) => ({
  value,
  label: value === 'all' ? 'All statuses' : value === 'confirmed' ? 'Awaiting outcome' : APPOINTMENT_STATUS_LABEL[value],
}));

interface ScheduleListProps {
  scope: AppointmentScope;
  status: AppointmentStatus | undefined;
  page: number;
  onPage: (page: number) => void;
  onOutcome: (request: OutcomeRequest) => void;
  onCancel: (appointment: Appointment) => void;
}

function ScheduleList({ scope, status, page, onPage, onOutcome, onCancel }: ScheduleListProps) {
  const now = useNow();
  const list = useAppointments({ scope, status: scope === 'past' ? status : undefined, page, limit: LIMIT });
  const empty =
    scope === 'upcoming' ? (
      <EmptyState
        title="No upcoming appointments"
        icon={<IconCalendarEvent size={28} />}
        action={
          <Button
            component={Link}
            to="/doctor/availability"
            variant="light"
            leftSection={<IconClockHour4 size={16} aria-hidden />}
          >
            Check your availability
          </Button>
        }
      >
        When patients book your free times, their consultations appear here.
      </EmptyState>
    ) : (
      <EmptyState
        title={status ? 'No past appointments with this status' : 'No past appointments'}
        icon={<IconHistory size={28} />}
      >
        Finished, cancelled and missed consultations are listed here.
      </EmptyState>
    );
  return (
    <PagedResults
      query={list}
      loading={<AppointmentListSkeleton label="Loading your appointments" />}
      errorTitle="Could not load your appointments"
      empty={empty}
      pager={{ page, limit: LIMIT, noun: 'appointments', onChange: onPage }}
    >
      {(items) => (
        <Stack gap="sm">
          {items.map((appointment) => (
            <DoctorAppointmentRow
              key={appointment.id}
              appointment={appointment}
              now={now}
              onOutcome={(a, outcome) => onOutcome({ appointment: a, outcome })}
              onCancel={onCancel}
            />
          ))}
        </Stack>
      )}
    </PagedResults>
  );
}

/** /doctor/appointments?tab=past&status=&page=: the doctor's schedule and its outcomes. */
export function DoctorAppointmentsPage() {
  const tabs = useAppointmentTabParams();
  const statusFilter = readChoice<StatusFilter>(tabs.params, 'status', STATUS_FILTERS, 'all');
  const [outcome, setOutcome] = useState<OutcomeRequest | null>(null);
  const [cancelling, setCancelling] = useState<Appointment | null>(null);
  const refreshPreview = useRefreshPreview();

  const list = (scope: AppointmentScope) => (
    <ScheduleList
      scope={scope}
      status={statusFilter === 'all' ? undefined : statusFilter}
      page={tabs.page}
      onPage={tabs.setPage}
      onOutcome={setOutcome}
      onCancel={setCancelling}
    />
  );

  return (
    <>
      <PageTitle description="Your consultations, in your time zone.">Appointments</PageTitle>
      <AppointmentScopeTabs scope={tabs.scope} onChange={tabs.setScope}>
        {(scope) =>
          scope === 'upcoming' ? (
            list('upcoming')
          ) : (
            <Stack gap="md">
              <Group justify="space-between" align="flex-end" gap="sm">
                <Text size="sm" c="dimmed">
                  Most recent first.
                </Text>
                <Select
                  label="Status"
                  data={STATUS_OPTIONS}
                  value={statusFilter}
                  onChange={(value) => tabs.setParams({ status: value === 'all' ? null : value })}
                  allowDeselect={false}
                  size="sm"
                  w={{ base: '100%', xs: 220 }}
                />
              </Group>
              {list('past')}
            </Stack>
          )
        }
      </AppointmentScopeTabs>

      <OutcomeModal request={outcome} onClose={() => setOutcome(null)} />
      <CancelAppointmentModal
        appointment={cancelling}
        onClose={() => setCancelling(null)}
        summary={(a) => (
          <>
            The consultation with <strong>{a.patient.name}</strong> on{' '}
            <strong>{formatDateTimeIn(a.start, a.doctor.timeZone)}</strong> will be cancelled, the patient told by e-mail and the
            time offered to other patients.
          </>
        )}
        policy={(a) => (
          <>
            You can cancel until <strong>{formatDateTimeIn(a.changeableUntil, a.doctor.timeZone)}</strong>, 4 hours before the
            start.
          </>
        )}
        placeholder="e.g. I am unwell and cannot consult that day"
        onCancelled={refreshPreview}
      />
    </>
  );
}
