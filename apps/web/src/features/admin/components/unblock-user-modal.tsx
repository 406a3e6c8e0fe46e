import type { AdminUser } from '@doctime/contracts';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorAlert } from '../../../components/error-alert';
import { useUnblockUser } from '../api/use-unblock-user';

function UnblockUserConfirm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const unblock = useUnblockUser();
  const confirm = () =>
    unblock.mutate(user.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${user.name} can sign in again` });
        onDone();
      },
    });
  return (
    <Stack gap="md">
      <Text size="sm">
        {user.name} ({user.email}) will be able to sign in again.
        {user.role === 'doctor' ? ' If they are verified, their profile returns to search.' : ''}
      </Text>
      {user.blockedReason ? (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Blocked because: {user.blockedReason}
        </Text>
      ) : null}
      <ErrorAlert error={unblock.error} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone} disabled={unblock.isPending}>
          Cancel
        </Button>
        <Button color="green" onClick={confirm} loading={unblock.isPending} data-autofocus>
          Unblock user
        </Button>
      </Group>
    </Stack>
  );
}

/** Confirms, then unblocks the account. */
export function UnblockUserModal({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Unblock ${user.name}?` : ''} centered>
      {user ? <UnblockUserConfirm key={user.id} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}
