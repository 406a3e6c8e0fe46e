import { Box, Container, Text } from '@mantine/core';
import {
  IconCalendarTime,
  IconClockHour4,
  IconFileCertificate,
  IconPrescription,
  IconShieldCheck,
  IconUserSearch,
  IconVideo,
} from '@tabler/icons-react';
import { FeatureSection, type Feature } from './components/feature-section';
import { Hero } from './components/hero';
import { LandingHeader } from './components/landing-header';

const forPatients: readonly Feature[] = [
  {
    icon: <IconUserSearch size={22} />,
    title: 'Find verified doctors',
    text: 'Search by name or specialty and filter by language, fee and availability. Every listed doctor passed our licence checks.',
  },
  {
    icon: <IconCalendarTime size={22} />,
    title: 'Book a slot',
    text: 'See free times in your own time zone and book in a few clicks. A slot can never be booked twice.',
  },
  {
    icon: <IconVideo size={22} />,
    title: 'Chat and video',
    text: 'Talk to your doctor by secure chat and video call when it is time for your consultation.',
  },
  {
    icon: <IconPrescription size={22} />,
    title: 'Prescriptions',
    text: 'Receive your prescription online and download it as a PDF whenever you need it.',
  },
];

const forDoctors: readonly Feature[] = [
  {
    icon: <IconShieldCheck size={22} />,
    title: 'Verified by KYC',
    text: 'Submit your registration number and licence documents once. After approval, patients can find and book you.',
  },
  {
    icon: <IconClockHour4 size={22} />,
    title: 'Your availability',
    text: 'Set weekly working hours, breaks and days off. DocTime turns them into bookable slots.',
  },
  {
    icon: <IconFileCertificate size={22} />,
    title: 'Consultations and notes',
    text: 'See your day at a glance, hold video consultations, write notes and issue prescriptions.',
  },
];

export function LandingPage() {
  return (
    <Box mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <title>DocTime · Book verified doctors online</title>
      <LandingHeader />
      <Box component="main" style={{ flex: 1 }}>
        <Hero />
        <FeatureSection
          id="for-patients"
          title="Care without the waiting room"
          intro="Everything you need for an online consultation, from finding the right doctor to your prescription."
          features={forPatients}
        />
        <Box bg="gray.0">
          <FeatureSection
            id="for-doctors"
            title="For doctors"
            intro="Run your online practice from one place: get verified, publish your availability and meet your patients."
            features={forDoctors}
            color="blue"
          />
        </Box>
      </Box>
      <Box component="footer" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Container size="lg">
          <Text size="sm" c="dimmed">
            © {new Date().getFullYear()} DocTime. In an emergency, call your local emergency number.
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
