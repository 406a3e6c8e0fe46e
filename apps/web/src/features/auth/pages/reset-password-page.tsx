import { ResetPasswordRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { useServerErrors } from '../../../lib/form-errors';
import type { SchemaInput } from '../../../lib/schema-types';
import { useResetPassword } from '../api/use-reset-password';
import { AuthCard } from '../components/auth-card';
import { CodeField } from '../components/code-field';
import { EmailField } from '../components/email-field';
import { useEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<SchemaInput<typeof ResetPasswordRequest>>[] = ['email', 'code', 'newPassword'];

export function ResetPasswordPage() {
  const navigate = useNavigate();
  const email = useEmailParam();
  const reset = useResetPassword();
  const form = useForm({
    resolver: zodResolver(ResetPasswordRequest),
    defaultValues: { email, code: '', newPassword: '' },
  });
  const { errors } = form.formState;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const server = useServerErrors(form.setError, FIELDS);

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    reset.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Password changed. Log in with your new password.' });
        void navigate('/login', { state: { email: values.email } });
      },
      onError: server.handle,
    });
  });

  return (
    <AuthCard
      title="Choose a new password"
      description="If an account exists for this address, we e-mailed it a 6-digit reset code. Enter the code and your new password."
      footer={
        <Text size="sm">
          No code?{' '}
          <Anchor component={Link} to={`/forgot-password?email=${encodeURIComponent(email)}`}>
            Send a new one
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={server.alert} />
          <EmailField error={errors.email?.message} {...form.register('email')} />
          <CodeField label="Reset code" error={errors.code?.message} {...form.register('code')} />
          <PasswordField
            label="New password"
            autoComplete="new-password"
            strengthOf={newPassword}
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <Button type="submit" fullWidth size="md" loading={reset.isPending} disabled={reset.isPending}>
            Reset password
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
