import { DELETE_CONFIRMATION, DeleteAccountRequest } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Group, List, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDownload, IconTrash } from '@tabler/icons-react';
import { useForm, type Path } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/error-alert';
import { PasswordField } from '../../../components/password-field';
import { errorMessage } from '../../../lib/api-error';
import { useAuth, useCurrentUser } from '../../../lib/auth';
import { useServerErrors } from '../../../lib/form-errors';
import { mappedResolver } from '../../../lib/form-resolver';
import type { SchemaOutput } from '../../../lib/schema-types';
import { useDeleteMyAccount, useDownloadMyData } from '../api/use-my-data';

interface DeleteFormValues {
  password: string;
  confirm: string;
}
const FIELDS: readonly Path<DeleteFormValues>[] = ['password', 'confirm'];

/** The confirmation: what goes and what stays, then the password and DELETE typed out. */
function DeleteAccountForm({ onClose }: { onClose: () => void }) {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const deletion = useDeleteMyAccount();
  const form = useForm<DeleteFormValues, unknown, SchemaOutput<typeof DeleteAccountRequest>>({
    // The typed word is any string until the schema checks that it is the one asked for.
    resolver: mappedResolver(zodResolver(DeleteAccountRequest), (v) => ({
      ...v,
      confirm: v.confirm as typeof DELETE_CONFIRMATION,
    })),
    defaultValues: { password: '', confirm: '' },
  });
  const server = useServerErrors(form.setError, FIELDS);
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    server.clear();
    deletion.mutate(values, {
      onSuccess: async () => {
        notifications.show({
          color: 'teal',
          title: 'Your account is deleted',
          message: 'Your personal data is being erased. Thank you for using DocTime.',
          autoClose: 10_000,
        });
        // Leave the patient area first, so no page of it asks for data the account no longer has.
        await logout({ beforeClear: () => navigate('/', { replace: true, flushSync: true }) });
      },
      onError: server.handle,
    });
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">This cannot be undone. Download your data first if you want a copy.</Text>
        <div>
          <Text size="sm" fw={600}>
            Deleted
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Your account: name, e-mail, phone and password. You are signed out everywhere.</List.Item>
            <List.Item>Your medical profile.</List.Item>
            <List.Item>Your upcoming appointments: they are cancelled and your doctors are told.</List.Item>
            <List.Item>Your name and reasons on past appointments, and your messages.</List.Item>
          </List>
        </div>
        <div>
          <Text size="sm" fw={600}>
            Kept
          </Text>
          <List size="sm" spacing={4}>
            <List.Item>Your doctors keep the times of your past appointments, shown as &quot;Deleted patient&quot;.</List.Item>
            <List.Item>
              Records a doctor must keep by law, such as prescriptions, are kept and marked with the rule that keeps them.
            </List.Item>
          </List>
        </div>
        <ErrorAlert error={server.alert} title="Your account was not deleted" />
        {/* Lets password managers know whose password this is. */}
        <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          required
          data-autofocus
          error={errors.password?.message}
          {...form.register('password')}
        />
        <TextInput
          label={`Type ${DELETE_CONFIRMATION} to confirm`}
          autoComplete="off"
          spellCheck={false}
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={deletion.isPending}>
            Keep my account
          </Button>
          <Button type="submit" color="red" loading={deletion.isPending} leftSection={<IconTrash size={16} aria-hidden />}>
            Delete my account
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The bottom of /patient/profile: a copy of everything stored about the patient, and deleting the account. */
export function YourDataSection() {
  const download = useDownloadMyData();
  const [confirming, confirm] = useDisclosure(false);

  const downloadNow = () =>
    download.mutate(undefined, {
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not download your data', message: errorMessage(error) }),
    });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="your-data-title">
      <Title order={2} size="h4" mb="xs" id="your-data-title">
        Your data
      </Title>
      <Stack gap="lg">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Download everything DocTime stores about you: your account, medical profile, appointments, prescriptions and messages,
            in one zip file.
          </Text>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            loading={download.isPending}
            onClick={downloadNow}
            style={{ alignSelf: 'flex-start' }}
          >
            Download my data
          </Button>
        </Stack>
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Delete your account">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              Your personal data is erased and your upcoming appointments are cancelled. Records doctors must keep by law are
              kept.
            </Text>
            <Button color="red" variant="outline" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
              Delete my account
            </Button>
          </Stack>
        </Alert>
      </Stack>
      <Modal opened={confirming} onClose={confirm.close} title="Delete your account?" centered>
        {confirming ? <DeleteAccountForm onClose={confirm.close} /> : null}
      </Modal>
    </Card>
  );
}
