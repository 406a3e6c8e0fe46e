import { EmailOnlyRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useForm, type Path } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { useServerErrors } from '../../../lib/form-errors';
import type { SchemaInput } from '../../../lib/schema-types';
import { useForgotPassword } from '../api/use-forgot-password';
import { AuthCard } from '../components/auth-card';
import { EmailField } from '../components/email-field';
import { useEmailParam } from '../hooks/use-email-param';

const FIELDS: readonly Path<SchemaInput<typeof EmailOnlyRequest>>[] = ['email'];

export function ForgotPasswordPage() {
  const navigate = useNavigate();
  const email = useEmailParam();
  const forgot = useForgotPassword();
  const form = useForm({ resolver: zodResolver(EmailOnlyRequest), defaultValues: { email } });
  const { errors } = form.formState;
  const server = useServerErrors(form.setError, FIELDS);

  const onSubmit = form.handleSubmit((values) => {
    server.clear();
    forgot.mutate(values, {
      onSuccess: () => void navigate(`/reset-password?email=${encodeURIComponent(values.email)}`),
      onError: server.handle,
    });
  });

  return (
    <AuthCard
      title="Forgot your password?"
      description="Enter the e-mail address of your account and we will send you a 6-digit reset code."
      footer={
        <Text size="sm">
          Remembered it?{' '}
          <Anchor component={Link} to="/login">
            Back to log in
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <Stack gap="md">
          <ErrorAlert error={server.alert} />
          <EmailField error={errors.email?.message} {...form.register('email')} />
          <Button type="submit" fullWidth size="md" loading={forgot.isPending} disabled={forgot.isPending}>
            Send reset code
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
