import { Alert, Anchor, Badge, Box, Center, Container, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api';
import { Fields } from '../../../shared/ui/Fields';
import { formatDate } from '../../../shared/ui/format';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { usePublicCertificate } from '../hooks/useCertificates';
import { IAF_MLA_LABELS, STATUS_COLORS, STATUS_LABELS } from '../labels';

const isUrl = (s: string) => /^https?:\/\/\S+$/i.test(s.trim());

/** The public page of a published certificate: readable signed out, nothing beyond what the organization published. */
export function VerifyCertificatePage() {
  const { certificateNumber = '' } = useParams();
  usePageTitle(`Certificate ${certificateNumber}`);
  const q = usePublicCertificate(certificateNumber);
  return (
    <Container size={760} py="xl" px="md">
      <Stack gap="lg">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
          Certificate verification
        </Text>
        {q.isPending && (
          <Center py="xl">
            <Loader size="sm" aria-label="Loading" />
          </Center>
        )}
        {q.isError && (
          <Alert
            color={q.error instanceof ApiError && q.error.status === 429 ? 'yellow' : 'gray'}
            variant="light"
            title="Not found"
            role="alert"
          >
            {q.error instanceof ApiError && q.error.status === 429
              ? 'Too many lookups from your address. Try again in a minute.'
              : `No published certificate has the number ${certificateNumber}. Check the number, or ask the issuing certification body.`}
          </Alert>
        )}
        {q.data && (
          <>
            <Box>
              <Title order={1} fz={26}>
                {q.data.organizationName}
              </Title>
              <Text c="dimmed" size="sm">
                {q.data.standard} · certificate {q.data.certificateNumber}
              </Text>
            </Box>
            <Paper withBorder p="lg" radius="md">
              <Stack gap="sm">
                <Badge size="lg" color={STATUS_COLORS[q.data.status]} variant="light" w="fit-content">
                  {STATUS_LABELS[q.data.status]}
                  {q.data.statusChangedOn && q.data.status !== 'valid' && q.data.status !== 'expired'
                    ? ` since ${formatDate(q.data.statusChangedOn)}`
                    : ''}
                </Badge>
                <Fields
                  labelWidth={170}
                  items={[
                    { label: 'Certified organization', value: q.data.organizationName },
                    { label: 'Standard', value: q.data.standard },
                    { label: 'Scope', value: q.data.scopeStatement },
                    { label: 'Sites covered', value: q.data.sites.map((s) => `${s.name} (${s.country})`).join('\n') },
                    { label: 'Certificate number', value: q.data.certificateNumber },
                    { label: 'Issue date', value: formatDate(q.data.issueDate) },
                    { label: 'Expiry date', value: formatDate(q.data.expiryDate) },
                    { label: 'Issuing body', value: q.data.issuingBody },
                    { label: 'Accreditation body', value: q.data.accreditation.body },
                    { label: 'Accreditation number', value: q.data.accreditation.number },
                    { label: 'IAF MLA signatory', value: IAF_MLA_LABELS[q.data.accreditation.iafMlaSignatory] },
                    {
                      label: 'Last surveillance audit',
                      value: q.data.lastSurveillanceAudit ? formatDate(q.data.lastSurveillanceAudit) : 'None recorded yet',
                    },
                  ]}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="verify-how">
              <Stack gap="xs">
                <Title order={2} fz="md" id="verify-how">
                  How to verify it
                </Title>
                <Text size="sm">{q.data.verification.notice}</Text>
                {q.data.verification.issuingBody && (
                  <Text size="sm">
                    With {q.data.issuingBody}:{' '}
                    {isUrl(q.data.verification.issuingBody) ? (
                      <Anchor href={q.data.verification.issuingBody} target="_blank" rel="noopener noreferrer">
                        {q.data.verification.issuingBody}
                      </Anchor>
                    ) : (
                      q.data.verification.issuingBody
                    )}
                  </Text>
                )}
                {q.data.verification.iafCertSearch && (
                  <Text size="sm">
                    IAF CertSearch:{' '}
                    <Anchor href={q.data.verification.iafCertSearch} target="_blank" rel="noopener noreferrer">
                      {q.data.verification.iafCertSearch}
                    </Anchor>
                    {q.data.verification.iafCertSearchListed ? ' (the organization says it is listed there)' : ''}
                  </Text>
                )}
              </Stack>
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
