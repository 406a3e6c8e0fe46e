import { IconCalendarEvent, IconClockHour4, IconId, IconLayoutDashboard, IconUserCircle } from '@tabler/icons-react';
import { DashboardShell } from './dashboard-shell';
import type { NavItemConfig } from './nav-item';

const nav: readonly NavItemConfig[] = [
  { label: 'Dashboard', to: '/doctor', end: true, icon: <IconLayoutDashboard size={18} aria-hidden /> },
  { label: 'Profile & KYC', to: '/doctor/profile', icon: <IconId size={18} aria-hidden /> },
  { label: 'Availability', to: '/doctor/availability', icon: <IconClockHour4 size={18} aria-hidden /> },
  { label: 'Appointments', to: '/doctor/appointments', icon: <IconCalendarEvent size={18} aria-hidden /> },
  { label: 'Account', to: '/account', icon: <IconUserCircle size={18} aria-hidden /> },
];

export function DoctorLayout() {
  return <DashboardShell nav={nav} areaLabel="Doctor account" />;
}
