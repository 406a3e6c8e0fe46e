import {
  IconCalendarEvent,
  IconClockHour4,
  IconId,
  IconLayoutDashboard,
  IconMessages,
  IconUserCircle,
} from '@tabler/icons-react';
import { MessagesUnreadBadge } from '../../features/messaging/components/messages-unread-badge';
import { DashboardShell } from './dashboard-shell';
import type { NavItemConfig } from './nav-item';

const nav: readonly NavItemConfig[] = [
  { label: 'Dashboard', to: '/doctor', end: true, icon: <IconLayoutDashboard size={18} aria-hidden /> },
  { label: 'Profile & KYC', to: '/doctor/profile', icon: <IconId size={18} aria-hidden /> },
  { label: 'Availability', to: '/doctor/availability', icon: <IconClockHour4 size={18} aria-hidden /> },
  { label: 'Appointments', to: '/doctor/appointments', icon: <IconCalendarEvent size={18} aria-hidden /> },
  { label: 'Messages', to: '/doctor/messages', icon: <IconMessages size={18} aria-hidden />, badge: <MessagesUnreadBadge /> },
  { label: 'Account', to: '/account', icon: <IconUserCircle size={18} aria-hidden /> },
];

export function DoctorLayout() {
  return <DashboardShell nav={nav} areaLabel="Doctor account" />;
}
