import { RegisterRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { useServerErrors } from '../../../lib/form-errors';
import { useRegister } from '../api/use-register';
import { AuthCard } from '../components/auth-card';
import { EmailField } from '../components/email-field';

const FIELDS: readonly Path<RegisterRequest>[] = ['role', 'name', 'email', 'password', 'phone'];

export function SignupPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const register = useRegister();
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
  const password = useWatch({ control: form.control, name: 'password' });
  const server = useServerErrors(form.setError, FIELDS);

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    register.mutate(values, {
      onSuccess: () => void navigate(`/verify-email?email=${encodeURIComponent(values.email)}`),
      onError: server.handle,
    });
  });

  return (
    <AuthCard
      title="Create your DocTime account"
      description="Book verified doctors, or run your practice, in one place."
      footer={
        <Text size="sm">
          Already have an account?{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={server.alert} />
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
          <PasswordField
            label="Password"
            autoComplete="new-password"
            strengthOf={password}
            error={errors.password?.message}
            {...form.register('password')}
          />
          <Button type="submit" fullWidth size="md" loading={register.isPending} disabled={register.isPending}>
            Create account
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
