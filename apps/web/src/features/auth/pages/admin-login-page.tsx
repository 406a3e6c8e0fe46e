import { LoginRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type Path } from 'react-hook-form';
import { useAdminLogin } from '../api/use-admin-login';
import { AuthCard } from '../components/auth-card';
import { AuthForm } from '../components/auth-form';
import { CurrentPasswordField } from '../components/current-password-field';
import { EmailField } from '../components/email-field';
import { useAfterLogin } from '../hooks/use-after-login';
import { useAuthSubmit } from '../hooks/use-auth-submit';

const FIELDS: readonly Path<LoginRequest>[] = ['email', 'password'];

export function AdminLoginPage() {
  const afterLogin = useAfterLogin();
  const form = useForm({ resolver: zodResolver(LoginRequest), defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;
  const submit = useAuthSubmit(form, FIELDS, useAdminLogin(), afterLogin);

  return (
    <AuthCard title="Admin sign in" description="For DocTime administrators. Patients and doctors use the regular log-in page.">
      <AuthForm submit={submit} submitLabel="Log in">
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <CurrentPasswordField label="Password" error={errors.password?.message} {...form.register('password')} />
      </AuthForm>
    </AuthCard>
  );
}
