import { IconCalendarEvent, IconHeartbeat, IconLayoutDashboard, IconSearch, IconUserCircle } from '@tabler/icons-react';
import { DashboardShell } from './dashboard-shell';
import type { NavItemConfig } from './nav-item';

const nav: readonly NavItemConfig[] = [
  { label: 'Dashboard', to: '/patient', end: true, icon: <IconLayoutDashboard size={18} aria-hidden /> },
  { label: 'Find a doctor', to: '/patient/doctors', icon: <IconSearch size={18} aria-hidden /> },
  { label: 'My appointments', to: '/patient/appointments', icon: <IconCalendarEvent size={18} aria-hidden /> },
  { label: 'Medical profile', to: '/patient/profile', icon: <IconHeartbeat size={18} aria-hidden /> },
  { label: 'Account', to: '/account', icon: <IconUserCircle size={18} aria-hidden /> },
];

export function PatientLayout() {
  return <DashboardShell nav={nav} areaLabel="Patient account" />;
}
