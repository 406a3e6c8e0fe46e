import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** A calm clinical teal; shade 7 keeps white text above WCAG AA contrast. */
const brand: MantineColorsTuple = [
  '#e6f7f6',
  '#c9ece9',
  '#9fdcd7',
  '#6fc9c2',
  '#46b6ae',
  '#26a39b',
  '#0f8a83',
  '#0b7570',
  '#08615d',
  '#054d4a',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 5 },
  colors: { brand },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { shadow: 'xs' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
  },
});
