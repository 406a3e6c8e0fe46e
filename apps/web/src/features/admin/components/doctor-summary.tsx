import type { OwnDoctor } from '@doctime/contracts';
import { Badge, Card, Group, Title } from '@mantine/core';
import { DetailList, type DetailItem } from '../../../components/detail-list';
import { capitalize, formatDateTime, formatMoney, formatYears } from '../../../lib/format';

function Tags({ values }: { values: readonly string[] | undefined }) {
  if (!values?.length) return null;
  return (
    <Group gap={6} component="span">
      {values.map((value) => (
        <Badge key={value} variant="light" color="gray" tt="none" fw={500}>
          {value}
        </Badge>
      ))}
    </Group>
  );
}

/** The registration details the doctor submitted. */
export function RegistrationCard({ doctor }: { doctor: OwnDoctor }) {
  const { kyc } = doctor;
  const items: DetailItem[] = [
    { label: 'Registration number', value: kyc.registrationNumber },
    { label: 'Issuing council', value: kyc.council },
    { label: 'Registration year', value: kyc.registrationYear },
    { label: 'Submitted', value: kyc.submittedAt ? formatDateTime(kyc.submittedAt) : null },
    ...(kyc.decidedAt ? [{ label: 'Last decision', value: formatDateTime(kyc.decidedAt) }] : []),
  ];
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="md">
        Registration
      </Title>
      <DetailList items={items} />
    </Card>
  );
}

/** What the doctor says about themselves: the profile patients would see. */
export function ProfileSummaryCard({ doctor }: { doctor: OwnDoctor }) {
  const profile = doctor.profile;
  const clinic = profile?.clinic;
  const fee = profile?.consultationFee;
  const items: DetailItem[] = profile
    ? [
        { label: 'Specialty', value: profile.specialtyName ?? profile.specialtyId },
        { label: 'Experience', value: profile.experienceYears !== undefined ? formatYears(profile.experienceYears) : null },
        { label: 'Qualifications', value: <Tags values={profile.qualifications} />, wide: true },
        ...(profile.subSpecialties?.length
          ? [{ label: 'Sub-specialties', value: <Tags values={profile.subSpecialties} />, wide: true }]
          : []),
        { label: 'Languages', value: profile.languages?.join(', ') },
        {
          label: 'Consultation fee',
          value: fee?.amount !== undefined && fee.currency ? formatMoney(fee.amount, fee.currency) : null,
        },
        { label: 'Gender', value: profile.gender ? capitalize(profile.gender) : 'Not given' },
        { label: 'Time zone', value: profile.timeZone },
        { label: 'Clinic', value: clinic ? `${clinic.name}, ${clinic.address}, ${clinic.city}` : 'Online only', wide: true },
        { label: 'Bio', value: profile.bio, wide: true },
      ]
    : [{ label: 'Profile', value: 'The doctor has not filled in a profile yet.', wide: true }];
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="md">
        Profile summary
      </Title>
      <DetailList items={items} />
    </Card>
  );
}
