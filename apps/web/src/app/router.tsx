import { createBrowserRouter } from 'react-router';
import { AdminDashboardPage } from '../features/admin/pages/admin-dashboard-page';
import { AuditLogPage } from '../features/admin/pages/audit-log-page';
import { KycQueuePage } from '../features/admin/pages/kyc-queue-page';
import { KycReviewPage } from '../features/admin/pages/kyc-review-page';
import { UsersPage } from '../features/admin/pages/users-page';
import { AdminLoginPage } from '../features/auth/pages/admin-login-page';
import { ChangePasswordPage } from '../features/auth/pages/change-password-page';
import { ForgotPasswordPage } from '../features/auth/pages/forgot-password-page';
import { LoginPage } from '../features/auth/pages/login-page';
import { ResetPasswordPage } from '../features/auth/pages/reset-password-page';
import { SignupPage } from '../features/auth/pages/signup-page';
import { VerifyEmailPage } from '../features/auth/pages/verify-email-page';
import { ConsultationRoomPage } from '../features/consultation/pages/consultation-room-page';
import { DoctorAppointmentPage } from '../features/doctor/pages/doctor-appointment-page';
import { DoctorAppointmentsPage } from '../features/doctor/pages/doctor-appointments-page';
import { DoctorAvailabilityPage } from '../features/doctor/pages/doctor-availability-page';
import { DoctorDashboardPage } from '../features/doctor/pages/doctor-dashboard-page';
import { DoctorProfilePage } from '../features/doctor/pages/doctor-profile-page';
import { LandingPage } from '../features/landing/landing-page';
import { MessagesPage } from '../features/messaging/pages/messages-page';
import { NotificationsPage } from '../features/notifications/pages/notifications-page';
import { DoctorDetailsPage } from '../features/patient/pages/doctor-details-page';
import { FindDoctorPage } from '../features/patient/pages/find-doctor-page';
import { PatientAppointmentPage } from '../features/patient/pages/patient-appointment-page';
import { PatientAppointmentsPage } from '../features/patient/pages/patient-appointments-page';
import { PatientDashboardPage } from '../features/patient/pages/patient-dashboard-page';
import { PatientProfilePage } from '../features/patient/pages/patient-profile-page';
import { GuestOnly, RequireRole, RequireUser } from './guards';
import { AdminLayout } from './layouts/admin-layout';
import { AuthLayout } from './layouts/auth-layout';
import { DoctorLayout } from './layouts/doctor-layout';
import { PatientLayout } from './layouts/patient-layout';
import { RealtimeSession } from './layouts/realtime-session';
import { RoleLayout } from './layouts/role-layout';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';

export const router = createBrowserRouter([
  {
    element: <RealtimeSession />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/', element: <LandingPage /> },
      {
        element: <AuthLayout />,
        children: [
          {
            path: '/signup',
            element: (
              <GuestOnly>
                <SignupPage />
              </GuestOnly>
            ),
          },
          {
            path: '/login',
            element: (
              <GuestOnly>
                <LoginPage />
              </GuestOnly>
            ),
          },
          { path: '/verify-email', element: <VerifyEmailPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/admin/login', element: <AdminLoginPage /> },
        ],
      },
      {
        path: '/patient',
        element: (
          <RequireRole role="patient">
            <PatientLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <PatientDashboardPage /> },
          { path: 'doctors', element: <FindDoctorPage /> },
          { path: 'doctors/:id', element: <DoctorDetailsPage /> },
          { path: 'appointments', element: <PatientAppointmentsPage /> },
          { path: 'appointments/:id', element: <PatientAppointmentPage /> },
          { path: 'appointments/:id/room', element: <ConsultationRoomPage role="patient" /> },
          { path: 'messages/:conversationId?', element: <MessagesPage /> },
          { path: 'profile', element: <PatientProfilePage /> },
        ],
      },
      {
        path: '/doctor',
        element: (
          <RequireRole role="doctor">
            <DoctorLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <DoctorDashboardPage /> },
          { path: 'profile', element: <DoctorProfilePage /> },
          { path: 'availability', element: <DoctorAvailabilityPage /> },
          { path: 'appointments', element: <DoctorAppointmentsPage /> },
          { path: 'appointments/:id', element: <DoctorAppointmentPage /> },
          { path: 'appointments/:id/room', element: <ConsultationRoomPage role="doctor" /> },
          { path: 'messages/:conversationId?', element: <MessagesPage /> },
        ],
      },
      {
        path: '/admin',
        element: (
          <RequireRole role="admin">
            <AdminLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <AdminDashboardPage /> },
          { path: 'kyc', element: <KycQueuePage /> },
          { path: 'kyc/:doctorId', element: <KycReviewPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'audit-log', element: <AuditLogPage /> },
        ],
      },
      {
        path: '/account',
        element: (
          <RequireUser>
            <RoleLayout />
          </RequireUser>
        ),
        children: [{ index: true, element: <ChangePasswordPage /> }],
      },
      {
        path: '/notifications',
        element: (
          <RequireUser>
            <RoleLayout />
          </RequireUser>
        ),
        children: [{ index: true, element: <NotificationsPage /> }],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
