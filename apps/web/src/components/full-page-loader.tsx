import { Center, Loader, VisuallyHidden } from '@mantine/core';

/** A centred spinner that fills the viewport, e.g. while the session is restored. */
export function FullPageLoader({ label = 'Loading DocTime' }: { label?: string }) {
  return (
    <Center h="100dvh" role="status" aria-live="polite">
      <Loader size="lg" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
