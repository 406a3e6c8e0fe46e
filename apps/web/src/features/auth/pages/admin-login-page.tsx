import { LoginRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack } from '@mantine/core';
import { useForm, type Path } from 'react-hook-form';
import { useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { useServerErrors } from '../../../lib/form-errors';
import { readRedirectState } from '../../../lib/redirect-state';
import { postLoginPath } from '../../../lib/roles';
import { useAdminLogin } from '../api/use-admin-login';
import { AuthCard } from '../components/auth-card';
import { EmailField } from '../components/email-field';

const FIELDS: readonly Path<LoginRequest>[] = ['email', 'password'];

export function AdminLoginPage() {
  const navigate = useNavigate();
  const { from } = readRedirectState(useLocation());
  const login = useAdminLogin();
  const form = useForm({ resolver: zodResolver(LoginRequest), defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, FIELDS);

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    login.mutate(values, {
      onSuccess: (user) => void navigate(postLoginPath(user.role, from), { replace: true }),
      onError: server.handle,
    });
  });

  return (
    <AuthCard title="Admin sign in" description="For DocTime administrators. Patients and doctors use the regular log-in page.">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={server.alert} />
          <EmailField error={errors.email?.message} {...form.register('email')} />
          <PasswordField
            label="Password"
            autoComplete="current-password"
            error={errors.password?.message}
            {...form.register('password')}
          />
          <Button type="submit" fullWidth size="md" loading={login.isPending} disabled={login.isPending}>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
