import {
  IconCalendarEvent,
  IconHeartbeat,
  IconLayoutDashboard,
  IconMessages,
  IconSearch,
  IconUserCircle,
} from '@tabler/icons-react';
import { MessagesUnreadBadge } from '../../features/messaging/components/messages-unread-badge';
import { DashboardShell } from './dashboard-shell';
import type { NavItemConfig } from './nav-item';

const nav: readonly NavItemConfig[] = [
  { label: 'Dashboard', to: '/patient', end: true, icon: <IconLayoutDashboard size={18} aria-hidden /> },
  { label: 'Find a doctor', to: '/patient/doctors', icon: <IconSearch size={18} aria-hidden /> },
  { label: 'My appointments', to: '/patient/appointments', icon: <IconCalendarEvent size={18} aria-hidden /> },
  { label: 'Messages', to: '/patient/messages', icon: <IconMessages size={18} aria-hidden />, badge: <MessagesUnreadBadge /> },
  { label: 'Medical profile', to: '/patient/profile', icon: <IconHeartbeat size={18} aria-hidden /> },
  { label: 'Account', to: '/account', icon: <IconUserCircle size={18} aria-hidden /> },
];

export function PatientLayout() {
  return <DashboardShell nav={nav} areaLabel="Patient account" />;
}
