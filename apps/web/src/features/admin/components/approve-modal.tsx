import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/error-alert';

interface ApproveModalProps {
  opened: boolean;
  doctorName: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: () => void;
}

/** "Approve Dr X?" with "Confirm approval". */
export function ApproveModal({ opened, doctorName, pending, error, onClose, onConfirm }: ApproveModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Approve this doctor?" centered>
      <Stack gap="md">
        <Text size="sm">
          {doctorName} will be verified and listed: patients can find and book them. Make sure the registration details match the
          documents.
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button color="green" onClick={onConfirm} loading={pending} data-autofocus>
            Confirm approval
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
