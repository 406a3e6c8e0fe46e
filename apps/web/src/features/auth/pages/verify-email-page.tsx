import { EmailOnlyRequest, VerifyEmailRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, type Path } from 'react-hook-form';
import type { SchemaInput } from '../../../lib/schema-types';
import { useResendVerification } from '../api/use-resend-verification';
import { useVerifyEmail } from '../api/use-verify-email';
import { AuthCard } from '../components/auth-card';
import { AuthForm } from '../components/auth-form';
import { CodeField } from '../components/code-field';
import { EmailField } from '../components/email-field';
import { useAuthSubmit } from '../hooks/use-auth-submit';
import { useBackToLogin } from '../hooks/use-back-to-login';
import { useEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<SchemaInput<typeof VerifyEmailRequest>>[] = ['email', 'code'];

export function VerifyEmailPage() {
  const backToLogin = useBackToLogin();
  const email = useEmailParam();
  const resend = useResendVerification();
  const form = useForm({
    resolver: zodResolver(VerifyEmailRequest),
    defaultValues: { email, code: '' },
  });
  const { errors } = form.formState;
  const submit = useAuthSubmit(form, FIELDS, useVerifyEmail(), (_, values) =>
    backToLogin('Email verified. You can log in now.', values.email),
  );

  // Only the e-mail field needs to be valid to ask for a new code.
  const onResend = async () => {
    submit.clear();
    if (!(await form.trigger('email'))) return;
    const parsed = EmailOnlyRequest.safeParse({ email: form.getValues('email') });
    if (!parsed.success) return;
    resend.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'teal', message: 'If the account exists, a new code is on its way' }),
      onError: submit.handle,
    });
  };

  return (
    <AuthCard
      title="Verify your email"
      description="We e-mailed you a 6-digit code. Enter it below to activate your account. The code expires soon, so use it now."
      footer={{ prompt: 'Already verified?', to: '/login', link: 'Log in' }}
    >
      <AuthForm
        submit={submit}
        submitLabel="Verify email"
        after={
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
        }
      >
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <CodeField label="Verification code" error={errors.code?.message} {...form.register('code')} />
      </AuthForm>
    </AuthCard>
  );
}
