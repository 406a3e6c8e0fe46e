import { ChangePasswordRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, type Path } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { PageTitle } from '../../../components/page-title';
import { useCurrentUser } from '../../../lib/auth';
import type { SchemaInput } from '../../../lib/schema-types';
import { useChangePassword } from '../api/use-change-password';
import { CurrentPasswordField } from '../components/current-password-field';
import { NewPasswordField } from '../components/new-password-field';
import { useAuthSubmit } from '../hooks/use-auth-submit';

const FIELDS: readonly Path<SchemaInput<typeof ChangePasswordRequest>>[] = ['currentPassword', 'newPassword'];

/** /account: who is signed in, and the change-password form. */
export function ChangePasswordPage() {
  const user = useCurrentUser();
  const form = useForm({
    resolver: zodResolver(ChangePasswordRequest),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const { errors } = form.formState;
  const submit = useAuthSubmit(form, FIELDS, useChangePassword(), () => {
    notifications.show({ color: 'teal', message: 'Password changed' });
    form.reset();
  });

  return (
    <>
      <PageTitle description="Your sign-in details.">Account</PageTitle>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="sm">
            Profile
          </Title>
          <Stack gap={6}>
            <Text fw={600}>{user.name}</Text>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Text>
            <Group gap="xs">
              <Badge variant="light" tt="capitalize">
                {user.role}
              </Badge>
              {user.emailVerified ? (
                <Badge variant="light" color="green">
                  E-mail verified
                </Badge>
              ) : null}
            </Group>
          </Stack>
        </Card>
        <Card withBorder radius="md" padding="lg">
          <Title order={2} size="h4" mb="xs">
            Password
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Changing your password signs you out on your other devices.
          </Text>
          <form onSubmit={(event) => void submit.onSubmit(event)} noValidate>
            {/* Lets password managers know whose password this is. */}
            <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
            <Stack gap="md">
              <ErrorAlert error={submit.alert} />
              <CurrentPasswordField
                label="Current password"
                error={errors.currentPassword?.message}
                {...form.register('currentPassword')}
              />
              <NewPasswordField form={form} name="newPassword" label="New password" />
              <Button type="submit" loading={submit.pending} disabled={submit.pending} style={{ alignSelf: 'flex-start' }}>
                Change password
              </Button>
            </Stack>
          </form>
        </Card>
      </SimpleGrid>
    </>
  );
}
