import type { AdminUser } from '@doctime/contracts';
import { Badge, Button, Card, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { formatDate } from '../../../lib/format';

const ROLE_COLOR: Record<AdminUser['role'], string> = { patient: 'blue', doctor: 'brand', admin: 'grape' };

interface UsersTableProps {
  users: AdminUser[];
  onBlock: (user: AdminUser) => void;
  onUnblock: (user: AdminUser) => void;
}

/** People with their role and status; patients and doctors can be blocked or unblocked. */
export function UsersTable({ users, onBlock, onUnblock }: UsersTableProps) {
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Joined</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => (
              <Table.Tr key={user.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {user.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {user.email}
                    </Text>
                    {user.emailVerified ? null : (
                      <Text size="xs" c="dimmed">
                        E-mail not verified
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ROLE_COLOR[user.role]} tt="capitalize">
                    {user.role}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {user.blocked ? (
                    <Tooltip label={user.blockedReason ?? 'No reason recorded'} multiline maw={280} withArrow>
                      <Badge variant="light" color="red" style={{ cursor: 'help' }} tabIndex={0}>
                        Blocked
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge variant="light" color="green">
                      Active
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end" wrap="nowrap">
                    {user.role === 'admin' ? null : user.blocked ? (
                      <Button size="xs" variant="light" color="green" onClick={() => onUnblock(user)}>
                        Unblock
                      </Button>
                    ) : (
                      <Button size="xs" variant="light" color="red" onClick={() => onBlock(user)}>
                        Block
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
