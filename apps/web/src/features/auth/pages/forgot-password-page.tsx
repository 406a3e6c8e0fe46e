import { EmailOnlyRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Path } from 'react-hook-form';
import { useNavigate } from 'react-router';
import type { SchemaInput } from '../../../lib/schema-types';
import { useForgotPassword } from '../api/use-forgot-password';
import { AuthCard } from '../components/auth-card';
import { AuthForm } from '../components/auth-form';
import { EmailField } from '../components/email-field';
import { useAuthSubmit } from '../hooks/use-auth-submit';
import { useEmailParam, withEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<SchemaInput<typeof EmailOnlyRequest>>[] = ['email'];

export function ForgotPasswordPage() {
  const navigate = useNavigate();
  const email = useEmailParam();
  const form = useForm({ resolver: zodResolver(EmailOnlyRequest), defaultValues: { email } });
  const { errors } = form.formState;
  const submit = useAuthSubmit(
    form,
    FIELDS,
    useForgotPassword(),
    (_, values) => void navigate(withEmailParam('/reset-password', values.email)),
  );

  return (
    <AuthCard
      title="Forgot your password?"
      description="Enter the e-mail address of your account and we will send you a 6-digit reset code."
      footer={{ prompt: 'Remembered it?', to: '/login', link: 'Back to log in' }}
    >
      <AuthForm submit={submit} submitLabel="Send reset code">
        <EmailField error={errors.email?.message} {...form.register('email')} />
      </AuthForm>
    </AuthCard>
  );
}
