import { Alert, Anchor, Box, Center, Container, Divider, Loader, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/ui/format';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { usePublicTrustPage } from '../hooks/useTrust';

/** The public trust page: no sign-in, no app shell, only what the organization published. */
export function TrustPage() {
  const { slug = '' } = useParams();
  const page = usePublicTrustPage(slug);
  usePageTitle(page.data ? `${page.data.organization}: AI governance` : 'Trust page');
  if (page.isPending)
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  if (page.isError) {
    const status = page.error instanceof ApiError ? page.error.status : 0;
    return (
      <Container size="sm" py="xl">
        <Alert
          color={status === 404 ? 'gray' : 'red'}
          variant="light"
          title={status === 404 ? 'No trust page here' : 'Not available'}
        >
          {status === 404
            ? 'There is no published trust page at this address.'
            : status === 429
              ? 'Too many requests from your address; try again in a minute.'
              : 'The page could not be loaded; try again later.'}
        </Alert>
      </Container>
    );
  }
  const p = page.data;
  return (
    <Container size="sm" py="xl" px="md">
      <Stack gap="lg">
        <Stack gap={4}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
            AI governance
          </Text>
          <Title order={1} fz={26}>
            {p.organization}
          </Title>
          <Text size="sm" c="dimmed">
            Published {formatDate(p.publishedAt.slice(0, 10))}
          </Text>
        </Stack>
        {p.certificate ? (
          <Alert color={p.certificate.status === 'valid' ? 'teal' : 'orange'} variant="light" title="ISO/IEC 42001 certificate">
            Certificate {p.certificate.certificateNumber}, issued by {p.certificate.issuingBody}
            {p.certificate.status === 'valid' ? '' : ` (${p.certificate.status})`}.{' '}
            <Anchor href={p.certificate.verifyPath}>Verify it</Anchor>
          </Alert>
        ) : null}
        <Divider />
        {p.answers.map((a) => (
          <Box component="section" key={a.question}>
            <Title order={2} fz="md" fw={650} mb={4}>
              {a.question}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{a.answer}</Text>
          </Box>
        ))}
        <Divider />
        <Text size="xs" c="dimmed">
          These answers describe the organization's AI management system as it stated them; they do not replace legal, privacy,
          security or sector-specific review.
        </Text>
      </Stack>
    </Container>
  );
}
