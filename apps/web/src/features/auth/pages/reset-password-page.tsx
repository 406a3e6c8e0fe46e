import { ResetPasswordRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Path } from 'react-hook-form';
import type { SchemaInput } from '../../../lib/schema-types';
import { useResetPassword } from '../api/use-reset-password';
import { AuthCard } from '../components/auth-card';
import { AuthForm } from '../components/auth-form';
import { CodeField } from '../components/code-field';
import { EmailField } from '../components/email-field';
import { NewPasswordField } from '../components/new-password-field';
import { useAuthSubmit } from '../hooks/use-auth-submit';
import { useBackToLogin } from '../hooks/use-back-to-login';
import { useEmailParam, withEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<SchemaInput<typeof ResetPasswordRequest>>[] = ['email', 'code', 'newPassword'];

export function ResetPasswordPage() {
  const backToLogin = useBackToLogin();
  const email = useEmailParam();
  const form = useForm({
    resolver: zodResolver(ResetPasswordRequest),
    defaultValues: { email, code: '', newPassword: '' },
  });
  const { errors } = form.formState;
  const submit = useAuthSubmit(form, FIELDS, useResetPassword(), (_, values) =>
    backToLogin('Password changed. Log in with your new password.', values.email),
  );

  return (
    <AuthCard
      title="Choose a new password"
      description="If an account exists for this address, we e-mailed it a 6-digit reset code. Enter the code and your new password."
      footer={{ prompt: 'No code?', to: withEmailParam('/forgot-password', email), link: 'Send a new one' }}
    >
      <AuthForm submit={submit} submitLabel="Reset password">
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <CodeField label="Reset code" error={errors.code?.message} {...form.register('code')} />
        <NewPasswordField form={form} name="newPassword" label="New password" />
      </AuthForm>
    </AuthCard>
  );
}
