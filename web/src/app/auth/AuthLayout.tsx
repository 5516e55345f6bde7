import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from '../layout/Logo';

export function AuthLayout({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Center mih="100vh" p="md">
        <Stack w="100%" maw={440} gap="lg">
          <Center>
            <Logo size={34} />
          </Center>
          <Paper withBorder shadow="sm" radius="md" p="xl" component="main">
            <Title order={1} fz={22} mb={4}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" size="sm" mb="lg">
                {subtitle}
              </Text>
            )}
            {children}
          </Paper>
          <Text c="dimmed" size="xs" ta="center">
            ISO/IEC 42001 AI management system
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
