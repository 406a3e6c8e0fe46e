import { LoginRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { isApiError } from '../../../lib/api-client';
import { useServerErrors } from '../../../lib/form-errors';
import { readRedirectState } from '../../../lib/redirect-state';
import { postLoginPath } from '../../../lib/roles';
import { useLogin } from '../api/use-login';
import { AuthCard } from '../components/auth-card';
import { EmailField } from '../components/email-field';

const FIELDS: readonly Path<LoginRequest>[] = ['email', 'password'];

export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const { from, email } = readRedirectState(location);
  const login = useLogin();
  const form = useForm({
    resolver: zodResolver(LoginRequest),
    defaultValues: { email: email ?? '', password: '' },
  });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, FIELDS);
  const [submittedEmail, setSubmittedEmail] = useState('');

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    setSubmittedEmail(values.email);
    login.mutate(values, {
      onSuccess: (user) => void navigate(postLoginPath(user.role, from), { replace: true }),
      onError: server.handle,
    });
  });

  const notVerified = isApiError(server.alert) && server.alert.code === 'EMAIL_NOT_VERIFIED';

  return (
    <AuthCard
      title="Welcome back"
      description="Sign in to DocTime with your e-mail address."
      footer={
        <Text size="sm">
          New to DocTime?{' '}
          <Anchor component={Link} to="/signup">
            Sign up
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={server.alert}>
            {notVerified ? (
              <Text size="sm" mt={6}>
                <Anchor component={Link} to={`/verify-email?email=${encodeURIComponent(submittedEmail)}`} fw={600}>
                  Verify your email
                </Anchor>
              </Text>
            ) : null}
          </ErrorAlert>
          <EmailField error={errors.email?.message} {...form.register('email')} />
          <Stack gap={4}>
            <PasswordField
              label="Password"
              autoComplete="current-password"
              error={errors.password?.message}
              {...form.register('password')}
            />
            <Group justify="flex-end">
              <Anchor component={Link} to="/forgot-password" size="sm">
                Forgot password?
              </Anchor>
            </Group>
          </Stack>
          <Button type="submit" fullWidth size="md" loading={login.isPending} disabled={login.isPending}>
            Log in
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
