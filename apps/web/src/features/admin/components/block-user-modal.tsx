import { BlockUserRequest, type AdminUser } from '@doctime/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useBlockUser, type BlockUserBody } from '../api/use-block-user';
import { ReasonForm } from './reason-form';

// The mutation lives in the per-user form, so reopening the modal starts from a clean state.
function BlockUserForm({ user, onDone }: { user: AdminUser; onDone: () => void }) {
  const block = useBlockUser();
  const send = (body: BlockUserBody, onError: (error: unknown) => void) =>
    block.mutate(
      { userId: user.id, body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `${user.name} can no longer sign in` });
          onDone();
        },
        onError,
      },
    );

  return (
    <ReasonForm
      text={
        <>
          {user.name} ({user.email}) will be signed out everywhere and cannot sign in until unblocked.
          {user.role === 'doctor' ? ' Their profile leaves search at once.' : ''}
        </>
      }
      resolver={zodResolver(BlockUserRequest)}
      description="Kept in the audit log."
      confirmLabel="Block user"
      confirmColor="red"
      pending={block.isPending}
      onCancel={onDone}
      onSubmit={send}
    />
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
