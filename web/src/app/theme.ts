import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A calm, trustworthy blue; compliance work is long reading and careful typing.
const brand: MantineColorsTuple = [
  '#eaf3fb',
  '#d4e4f3',
  '#a5c7e8',
  '#73a8dd',
  '#4b8ed3',
  '#327ecd',
  '#2476cb',
  '#1c5d99',
  '#11548e',
  '#00487f',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { radius: 'md' } },
    Card: { defaultProps: { radius: 'md', withBorder: true } },
  },
});
