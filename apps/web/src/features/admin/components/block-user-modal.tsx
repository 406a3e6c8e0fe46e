import { BlockUserRequest, type AdminUser } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm, type Path } from 'react-hook-form';
import { ErrorAlert } from '../../../components/error-alert';
import { useServerErrors } from '../../../lib/form-errors';
import type { SchemaInput } from '../../../lib/schema-types';
import { useBlockUser, type BlockUserBody } from '../api/use-block-user';

type BlockFormValues = SchemaInput<typeof BlockUserRequest>;
const FIELDS: readonly Path<BlockFormValues>[] = ['reason'];

function BlockUserForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const block = useBlockUser();
  const form = useForm<BlockFormValues, unknown, BlockUserBody>({
    resolver: zodResolver(BlockUserRequest),
    defaultValues: { reason: '' },
  });
  const server = useServerErrors(form.setError, FIELDS);
  const submit = form.handleSubmit((body) => {
    server.clear();
    block.mutate(
      { userId: user.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${user.name} can no longer sign in` });
          onDone();
        },
        onError: server.handle,
      },
    );
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {user.name} ({user.email}) will be signed out everywhere and cannot sign in until unblocked.
          {user.role === 'doctor' ? ' Their profile leaves search at once.' : ''}
        </Text>
        <ErrorAlert error={server.alert} />
        <Textarea
          label="Reason"
          description="Kept in the audit log."
          autosize
          minRows={3}
          maxRows={8}
          maxLength={1000}
          required
          data-autofocus
          error={form.formState.errors.reason?.message}
          {...form.register('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone} disabled={block.isPending}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={block.isPending}>
            Block user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks for a reason, then blocks the account. */
export function BlockUserModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Block ${user.name}?` : ''} centered>
      {user ? <BlockUserForm key={user.id} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}
