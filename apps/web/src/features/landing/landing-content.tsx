import {
  IconCalendarTime,
  IconClockHour4,
  IconFileCertificate,
  IconPrescription,
  IconShieldCheck,
  IconUserSearch,
  IconVideo,
} from '@tabler/icons-react';
import type { FeatureSectionProps } from './components/feature-section';

// The landing page's copy, kept apart from its layout.
export const SECTIONS: readonly FeatureSectionProps[] = [
  {
    id: 'for-patients',
    title: 'Care without the waiting room',
    intro: 'Everything you need for an online consultation, from finding the right doctor to your prescription.',
    features: [
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
    ],
  },
  {
    id: 'for-doctors',
    title: 'For doctors',
    intro: 'Run your online practice from one place: get verified, publish your availability and meet your patients.',
    features: [
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
    ],
    color: 'blue',
    bg: 'gray.0',
  },
];
