import {
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowLeft, IconBriefcase, IconClock, IconLanguage, IconUserSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { LoadError } from '../../../components/load-error';
import { isApiError } from '../../../lib/api-error';
import { capitalize, formatYears } from '../../../lib/format';
import { usePublicDoctor } from '../api/use-public-doctor';
import { BookingPanel } from '../components/booking-panel';

const SEARCH_PATH = '/patient/doctors';

/** The search the patient came from (kept in router state), else a fresh search. */
function useBackPath(): string {
  const { state } = useLocation();
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith(SEARCH_PATH) ? from : SEARCH_PATH;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Fact({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" c="dimmed" align="flex-start">
      <span aria-hidden style={{ display: 'inline-flex', marginTop: 2, flexShrink: 0 }}>
        {icon}
      </span>
      <Text size="sm">{children}</Text>
    </Group>
  );
}

function DetailsSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-live="polite">
      <VisuallyHidden>Loading the doctor&apos;s profile</VisuallyHidden>
      <Card withBorder radius="md" padding="lg" aria-hidden>
        <Group wrap="nowrap" gap="lg">
          <Skeleton height={96} width={96} circle />
          <Stack gap={10} style={{ flex: 1 }}>
            <Skeleton height={28} width="55%" radius="sm" />
            <Skeleton height={18} width={120} radius="xl" />
            <Skeleton height={12} width="40%" radius="sm" />
          </Stack>
        </Group>
      </Card>
      <Skeleton height={160} radius="md" aria-hidden />
    </Stack>
  );
}

/** /patient/doctors/:id: a verified doctor's public profile. */
export function DoctorDetailsPage() {
  const { id = '' } = useParams();
  const backPath = useBackPath();
  const doctor = usePublicDoctor(id);

  const back = (
    <Anchor component={Link} to={backPath} size="sm" mb="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden />
      Back to search
    </Anchor>
  );

  if (doctor.isPending) {
    return (
      <>
        {back}
        <DetailsSkeleton />
      </>
    );
  }

  if (doctor.isError) {
    if (isApiError(doctor.error) && doctor.error.status === 404) {
      return (
        <>
          <title>Doctor not found · DocTime</title>
          <EmptyState
            title="Doctor not found"
            icon={<IconUserSearch size={28} />}
            action={
              <Button component={Link} to={SEARCH_PATH}>
                Find another doctor
              </Button>
            }
          >
            This doctor is not listed on DocTime, or is no longer taking patients. Search for another verified doctor.
          </EmptyState>
        </>
      );
    }
    return (
      <>
        {back}
        <LoadError error={doctor.error} title="Could not load this doctor" onRetry={() => void doctor.refetch()} />
      </>
    );
  }

  const d = doctor.data;
  return (
    <>
      <title>{`${d.name} · DocTime`}</title>
      {back}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Group wrap="nowrap" align="flex-start" gap="lg">
                <Avatar
                  src={d.avatarUrl ?? null}
                  name={d.name}
                  color="initials"
                  size={96}
                  radius={96}
                  alt={`Photo of ${d.name}`}
                  style={{ flexShrink: 0 }}
                />
                <Stack gap={8} style={{ minWidth: 0 }}>
                  <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
                    {d.name}
                  </Title>
                  <Group gap={6}>
                    <Badge variant="light" size="lg" tt="none">
                      {d.specialty.name}
                    </Badge>
                    {d.subSpecialties.map((sub) => (
                      <Badge key={sub} variant="outline" color="gray" tt="none">
                        {sub}
                      </Badge>
                    ))}
                  </Group>
                  <Fact icon={<IconBriefcase size={16} />}>{formatYears(d.experienceYears)} experience</Fact>
                  <Fact icon={<IconLanguage size={16} />}>Speaks {d.languages.join(', ')}</Fact>
                  <Fact icon={<IconClock size={16} />}>Time zone: {d.timeZone.replaceAll('_', ' ')}</Fact>
                  {d.gender ? <Fact icon={<IconUserSearch size={16} />}>{capitalize(d.gender)}</Fact> : null}
                  <Button component="a" href="#book" size="xs" variant="light" hiddenFrom="md" mt={4} w="fit-content">
                    See free times
                  </Button>
                </Stack>
              </Group>
            </Card>

            <Section title="About">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {d.bio}
              </Text>
            </Section>

            <Section title="Qualifications">
              <List size="sm" spacing={4}>
                {d.qualifications.map((qualification) => (
                  <List.Item key={qualification}>{qualification}</List.Item>
                ))}
              </List>
            </Section>

            <Section title="Clinic">
              {d.clinic ? (
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {d.clinic.name}
                  </Text>
                  <Text size="sm">{d.clinic.address}</Text>
                  <Text size="sm">{d.clinic.city}</Text>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  Consults online only.
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <BookingPanel doctor={d} />
        </Grid.Col>
      </Grid>
    </>
  );
}
