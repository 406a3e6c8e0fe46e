import { EmailOnlyRequest, VerifyEmailRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, type Path } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useServerErrors } from '../../../lib/form-errors';
import type { SchemaInput } from '../../../lib/schema-types';
import { useResendVerification } from '../api/use-resend-verification';
import { useVerifyEmail } from '../api/use-verify-email';
import { AuthCard } from '../components/auth-card';
import { CodeField } from '../components/code-field';
import { EmailField } from '../components/email-field';
import { useEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<SchemaInput<typeof VerifyEmailRequest>>[] = ['email', 'code'];

export function VerifyEmailPage() {
  const navigate = useNavigate();
  const email = useEmailParam();
  const verify = useVerifyEmail();
  const resend = useResendVerification();
  const form = useForm({
    resolver: zodResolver(VerifyEmailRequest),
    defaultValues: { email, code: '' },
  });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, FIELDS);

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    verify.mutate(values, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Email verified. You can log in now.' });
        void navigate('/login', { state: { email: values.email } });
      },
      onError: server.handle,
    });
  });

  const onResend = async () => {
    server.clear();
    if (!(await form.trigger('email'))) return;
    const parsed = EmailOnlyRequest.safeParse({ email: form.getValues('email') });
    if (!parsed.success) return;
    resend.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'If the account exists, a new code is on its way' }),
      onError: server.handle,
    });
  };

  return (
    <AuthCard
      title="Verify your email"
      description="We e-mailed you a 6-digit code. Enter it below to activate your account. The code expires soon, so use it now."
      footer={
        <Text size="sm">
          Already verified?{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={server.alert} />
          <EmailField error={errors.email?.message} {...form.register('email')} />
          <CodeField label="Verification code" error={errors.code?.message} {...form.register('code')} />
          <Button type="submit" fullWidth size="md" loading={verify.isPending} disabled={verify.isPending}>
            Verify email
          </Button>
          <Button
            type="button"
            variant="subtle"
            fullWidth
            onClick={() => void onResend()}
            loading={resend.isPending}
            disabled={resend.isPending}
          >
            Resend code
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
