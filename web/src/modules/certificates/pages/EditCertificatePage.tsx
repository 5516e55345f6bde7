import { Stack } from '@mantine/core';
import { useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useOrg } from '../../../app/orgs/OrgContext';
import { RecordLoader, versionTag } from '../../../shared/register';
import { BackLink } from '../../../shared/ui/BackLink';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { CertificateForm } from '../components/CertificateForm';
import { type Certificate, useCertificate, useUpdateCertificate } from '../hooks/useCertificates';

function EditForm({ certificate: c }: { certificate: Certificate }) {
  const { org } = useOrg();
  const navigate = useNavigate();
  const update = useUpdateCertificate(org.id, c.id);
  const version = useRef(versionTag(c.updatedAt));
  const page = `/orgs/${org.id}/certificates/${c.id}`;
  return (
    <Stack gap="lg">
      <BackLink to={page}>{`Certificate ${c.certificateNumber}`}</BackLink>
      <PageHeader
        eyebrow="Step 13"
        title={`Correct certificate ${c.certificateNumber}`}
        description="Correct what was recorded wrongly. Status and publishing have their own actions on the certificate's page."
      />
      <CertificateForm
        title={`Correct ${c.certificateNumber}`}
        submitLabel="Save certificate"
        prefill={{
          decisionId: c.decisionId,
          organizationName: c.organizationName,
          standard: c.standard,
          scopeStatement: c.scopeStatement,
          scopeVersion: c.scopeVersion,
          sites: c.sites,
          certificateNumber: c.certificateNumber,
          issueDate: c.issueDate,
          expiryDate: c.expiryDate,
          issuingBody: c.issuingBody,
          accreditation: c.accreditation,
          verificationRoute: c.verificationRoute,
          iafCertSearchListed: c.iafCertSearchListed,
        }}
        pending={update.isPending}
        error={update.error}
        errorFor={update.errorFor}
        onCancel={() => navigate(page)}
        onSubmit={({ decisionId: _d, ...body }) =>
          update.mutate({ body, ifMatch: version.current }, { onSuccess: () => navigate(page) })
        }
      />
    </Stack>
  );
}

export function EditCertificatePage() {
  const { org } = useOrg();
  const { certificateId = '' } = useParams();
  return (
    <RecordLoader query={useCertificate(org.id, certificateId)} what="certificate">
      {(data) => <EditForm key={data.id} certificate={data} />}
    </RecordLoader>
  );
}
