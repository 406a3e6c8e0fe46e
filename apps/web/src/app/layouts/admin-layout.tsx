import { IconHistory, IconLayoutDashboard, IconShieldCheck, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { DashboardShell } from './dashboard-shell';
import type { NavItemConfig } from './nav-item';

const nav: readonly NavItemConfig[] = [
  { label: 'Dashboard', to: '/admin', end: true, icon: <IconLayoutDashboard size={18} aria-hidden /> },
  { label: 'KYC queue', to: '/admin/kyc', icon: <IconShieldCheck size={18} aria-hidden /> },
  { label: 'Users', to: '/admin/users', icon: <IconUsers size={18} aria-hidden /> },
  { label: 'Audit log', to: '/admin/audit-log', icon: <IconHistory size={18} aria-hidden /> },
  { label: 'Account', to: '/account', icon: <IconUserCircle size={18} aria-hidden /> },
];

export function AdminLayout() {
  return <DashboardShell nav={nav} areaLabel="Administrator" />;
}
