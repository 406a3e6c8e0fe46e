import { LoginRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useForm, type Path } from 'react-hook-form';
import { Link, useLocation } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { readRedirectState } from '../../../lib/redirect-state';
import { useLogin } from '../api/use-login';
import { AuthCard } from '../components/auth-card';
import { AuthForm } from '../components/auth-form';
import { CurrentPasswordField } from '../components/current-password-field';
import { EmailField } from '../components/email-field';
import { useAfterLogin } from '../hooks/use-after-login';
import { useAuthSubmit } from '../hooks/use-auth-submit';
import { withEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<LoginRequest>[] = ['email', 'password'];

export function LoginPage() {
  const afterLogin = useAfterLogin();
  const { email } = readRedirectState(useLocation());
  const login = useLogin();
  const form = useForm({
    resolver: zodResolver(LoginRequest),
    defaultValues: { email: email ?? '', password: '' },
  });
  const { errors } = form.formState;
  const submit = useAuthSubmit(form, FIELDS, login, afterLogin);

  const notVerified = isApiError(submit.alert) && submit.alert.code === 'EMAIL_NOT_VERIFIED';
  // The address that was refused, even if the field has been edited since.
  const submittedEmail = login.variables?.email ?? '';

  return (
    <AuthCard
      title="Welcome back"
      description="Sign in to DocTime with your e-mail address."
      footer={{ prompt: 'New to DocTime?', to: '/signup', link: 'Sign up' }}
    >
      <AuthForm
        submit={submit}
        submitLabel="Log in"
        alertExtra={
          notVerified ? (
            <Text size="sm" mt={6}>
              <Anchor component={Link} to={withEmailParam('/verify-email', submittedEmail)} fw={600}>
                Verify your email
              </Anchor>
            </Text>
          ) : null
        }
      >
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <Stack gap={4}>
          <CurrentPasswordField label="Password" error={errors.password?.message} {...form.register('password')} />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Group>
        </Stack>
      </AuthForm>
    </AuthCard>
  );
}
