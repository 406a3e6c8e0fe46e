import { RegisterRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Group, Radio, TextInput } from '@mantine/core';
import { Controller, useForm, type Path } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import { useRegister } from '../api/use-register';
import { AuthCard } from '../components/auth-card';
import { AuthForm } from '../components/auth-form';
import { EmailField } from '../components/email-field';
import { NewPasswordField } from '../components/new-password-field';
import { useAuthSubmit } from '../hooks/use-auth-submit';
import { withEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<RegisterRequest>[] = ['role', 'name', 'email', 'password', 'phone'];

export function SignupPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useForm({
    resolver: zodResolver(RegisterRequest),
    defaultValues: {
      role: params.get('role') === 'doctor' ? 'doctor' : 'patient',
      name: '',
      email: '',
      password: '',
      phone: '',
    },
  });
  const { errors } = form.formState;
  const submit = useAuthSubmit(
    form,
    FIELDS,
    useRegister(),
    (_, values) => void navigate(withEmailParam('/verify-email', values.email)),
  );

  return (
    <AuthCard
      title="Create your DocTime account"
      description="Book verified doctors, or run your practice, in one place."
      footer={{ prompt: 'Already have an account?', to: '/login', link: 'Log in' }}
    >
      <AuthForm submit={submit} submitLabel="Create account">
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => (
            <Radio.Group
              label="I am a"
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errors.role?.message}
              name={field.name}
            >
              <Group mt="xs" gap="xl">
                <Radio value="patient" label="Patient" ref={field.ref} />
                <Radio value="doctor" label="Doctor" />
              </Group>
            </Radio.Group>
          )}
        />
        <TextInput label="Full name" autoComplete="name" error={errors.name?.message} {...form.register('name')} />
        <EmailField error={errors.email?.message} {...form.register('email')} />
        <TextInput
          label="Phone (optional)"
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          error={errors.phone?.message}
          {...form.register('phone')}
        />
        <NewPasswordField form={form} name="password" label="Password" />
      </AuthForm>
    </AuthCard>
  );
}
