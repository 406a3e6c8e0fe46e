import { Box, Container, Text } from '@mantine/core';
import { FeatureSection } from './components/feature-section';
import { Hero } from './components/hero';
import { LandingHeader } from './components/landing-header';
import { SECTIONS } from './landing-content';

export function LandingPage() {
  return (
    <Box mih="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
      <title>DocTime · Book verified doctors online</title>
      <LandingHeader />
      <Box component="main" style={{ flex: 1 }}>
        <Hero />
        {SECTIONS.map((section) => (
          <FeatureSection key={section.id} {...section} />
        ))}
      </Box>
      <Box component="footer" py="lg" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Container size="lg">
          <Text size="sm" c="dimmed">
            © {new Date().getFullYear()} DocTime. In an emergency, call your local emergency number.
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
