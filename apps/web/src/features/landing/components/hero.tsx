import { Badge, Box, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';

export function Hero() {
  return (
    <Box
      py={{ base: 48, sm: 80 }}
      style={{
        background: 'linear-gradient(135deg, var(--mantine-color-brand-0) 0%, var(--mantine-color-blue-0) 100%)',
      }}
    >
      <Container size="lg">
        <Stack gap="lg" maw={680}>
          <Badge variant="light" color="blue" size="lg" style={{ alignSelf: 'flex-start' }}>
            Verified doctors, online
          </Badge>
          <Title order={1} fz={{ base: 32, sm: 48 }} lh={1.15}>
            See the right doctor, at a time that suits you
          </Title>
          <Text size="lg" c="dark.5">
            DocTime helps you find licensed, verified doctors, book a consultation slot in a few clicks, talk by chat and video,
            and receive your prescription online.
          </Text>
          <Group gap="sm">
            <Button component={Link} to="/signup" size="md" rightSection={<IconArrowRight size={18} aria-hidden />}>
              Get started
            </Button>
            <Button component={Link} to="/signup?role=doctor" size="md" variant="default">
              Join as a doctor
            </Button>
          </Group>
        </Stack>
      </Container>
    </Box>
  );
}
