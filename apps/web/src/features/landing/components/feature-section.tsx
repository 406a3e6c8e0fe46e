import { Box, Container, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FeatureCard } from '../../../components/feature-card';

export interface Feature {
  icon: ReactNode;
  title: string;
  text: string;
}

export interface FeatureSectionProps {
  id: string;
  title: string;
  intro: string;
  features: readonly Feature[];
  color?: string;
  /** A background across the full width, to set the section off from its neighbours. */
  bg?: string;
}

export function FeatureSection({ id, title, intro, features, color, bg }: FeatureSectionProps) {
  const section = (
    <Container size="lg" py={{ base: 40, sm: 64 }} component="section" id={id} aria-labelledby={`${id}-title`}>
      <Title order={2} id={`${id}-title`} mb="xs">
        {title}
      </Title>
      <Text c="dimmed" mb="xl" maw={640}>
        {intro}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: features.length >= 4 ? 4 : 3 }} spacing="lg">
        {features.map((feature) => (
          <FeatureCard key={feature.title} icon={feature.icon} title={feature.title} color={color}>
            {feature.text}
          </FeatureCard>
        ))}
      </SimpleGrid>
    </Container>
  );
  // The container limits the content's width; the band behind it spans the page.
  return bg ? <Box bg={bg}>{section}</Box> : section;
}
