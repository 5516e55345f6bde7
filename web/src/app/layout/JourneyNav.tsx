import { Box, NavLink, ScrollArea, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { JOURNEY_STEPS, stepPath } from '../journey/steps';
import { useHome } from '../journey/useHome';
import { use } from 'react'; // single sign-on link (issue 16)
import { OrgContext } from '../orgs/OrgContext'; // single sign-on link (issue 16)

interface Props {
  orgId: string;
  onNavigate?: () => void;
  /** the role may read the audit log */
  canAudit: boolean;
}

function SectionLabel({ children, id }: { children: string; id: string }) {
  return (
    <Text id={id} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6} style={{ letterSpacing: '0.06em' }}>
      {children}
    </Text>
  );
}

interface LinkSectionProps {
  id: string;
  title: string;
  links: { label: string; to: string }[];
  isActive: (to: string) => boolean;
  onNavigate?: () => void;
}

function LinkSection({ id, title, links, isActive, onNavigate }: LinkSectionProps) {
  return (
    <Box component="nav" aria-labelledby={id}>
      <SectionLabel id={id}>{title}</SectionLabel>
      {links.map((link) => {
        const active = isActive(link.to);
        return (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            onClick={onNavigate}
            active={active}
            aria-current={active ? 'page' : undefined}
            label={link.label}
            variant="light"
            py={6}
            styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' } }}
          />
        );
      })}
    </Box>
  );
}

/**
 * The sidebar: the organization's home, the 14 journey steps in order (a
 * done step shows a check, its reason on hover), then the registers and the
 * organization's pages.
 */
export function JourneyNav({ orgId, onNavigate, canAudit }: Props) {
  const { pathname } = useLocation();
  const home = useHome(orgId);
  const stateOf = new Map(home.data?.steps.map((s) => [s.id, s]) ?? []);
  const homePath = `/orgs/${orgId}`;
  const isActive = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  const registerLinks = [{ label: 'Suppliers', to: `/orgs/${orgId}/suppliers` }];
  // Planning (clauses 6.1 to 6.2, 8.2 to 8.4): the method, the registers built on it, the SoA.
  const planningLinks = [
    { label: 'Risk method', to: `/orgs/${orgId}/risk-method` },
    { label: 'Risks', to: `/orgs/${orgId}/risks` },
    { label: 'Impact assessments', to: `/orgs/${orgId}/impact-assessments` },
    { label: 'Statement of Applicability', to: `/orgs/${orgId}/soa` },
    { label: 'AI objectives', to: `/orgs/${orgId}/objectives` },
  ];
  // Support (clauses 5.3, 7.5, 9.1): who holds which role, the documents, the evidence.
  const supportLinks = [
    { label: 'Governance roles', to: `/orgs/${orgId}/roles` },
    { label: 'Documents', to: `/orgs/${orgId}/documents` },
    { label: 'Evidence', to: `/orgs/${orgId}/evidence` },
  ];
  // Operation and performance (clauses 7.2, 9.1, Annex A.3.3, A.8.4): people trained, systems watched, what went wrong.
  const operationLinks = [
    { label: 'Training', to: `/orgs/${orgId}/training` },
    { label: 'Monitoring', to: `/orgs/${orgId}/monitoring` },
    { label: 'Incidents', to: `/orgs/${orgId}/incidents` },
    { label: 'Concerns', to: `/orgs/${orgId}/concerns` },
  ];
  // Evaluation and improvement (clauses 9.2, 9.3, 10.1, 10.2): check the system, review it, fix what is wrong.
  const improvementLinks = [
    { label: 'Audit programme', to: `/orgs/${orgId}/audit-programme` },
    { label: 'Internal audits', to: `/orgs/${orgId}/internal-audits` },
    { label: 'Management reviews', to: `/orgs/${orgId}/management-reviews` },
    { label: 'Nonconformities', to: `/orgs/${orgId}/nonconformities` },
    { label: 'Improvements', to: `/orgs/${orgId}/improvements` },
  ];
  // Certification (journey steps 9 to 14): rehearse, choose the body, its audits, the certificate, the cycle, buyers.
  const certificationLinks = [
    { label: 'Readiness', to: `/orgs/${orgId}/readiness` },
    { label: 'Certification bodies', to: `/orgs/${orgId}/certification-bodies` },
    { label: 'Certification audits', to: `/orgs/${orgId}/certification-audits` },
    { label: 'Certificates', to: `/orgs/${orgId}/certificates` },
    { label: 'Surveillance', to: `/orgs/${orgId}/surveillance` },
    { label: 'Buyer readiness', to: `/orgs/${orgId}/buyer-readiness` },
  ];
  // a link the role cannot use is not shown (the server refuses it anyway)
  const orgLinks = [
    { label: 'Organization profile', to: `/orgs/${orgId}/profile` },
    { label: 'Members', to: `/orgs/${orgId}/members` },
    // single sign-on settings (issue 16): owners and admins
    ...(use(OrgContext)?.can('admin') ? [{ label: 'Single sign-on', to: `/orgs/${orgId}/single-sign-on` }] : []),
    ...(canAudit ? [{ label: 'Audit log', to: `/orgs/${orgId}/audit-log` }] : []),
  ];

  return (
    <ScrollArea type="auto" h="100%" px="xs" pb="md">
      <Box pt="sm">
        <NavLink
          component={Link}
          to={homePath}
          onClick={onNavigate}
          active={pathname === homePath}
          aria-current={pathname === homePath ? 'page' : undefined}
          label="Home"
          variant="light"
          py={6}
          styles={{ label: { fontSize: 'var(--mantine-font-size-sm)', fontWeight: 600 } }}
        />
      </Box>
      <Box component="nav" aria-labelledby="nav-journey">
        <SectionLabel id="nav-journey">Certification journey</SectionLabel>
        {JOURNEY_STEPS.map((step) => {
          const to = stepPath(orgId, step);
          const active = isActive(to);
          const state = stateOf.get(step.slug);
          const done = state?.state === 'done';
          return (
            <NavLink
              key={step.slug}
              component={Link}
              to={to}
              onClick={onNavigate}
              active={active}
              aria-current={active ? 'page' : undefined}
              label={
                <>
                  {step.title}
                  {done && <VisuallyHidden> (done)</VisuallyHidden>}
                </>
              }
              title={state?.reason}
              data-state={state?.state}
              variant="light"
              py={6}
              styles={{ label: { fontSize: 'var(--mantine-font-size-sm)' } }}
              c={step.path || active ? undefined : 'dimmed'}
              leftSection={
                <ThemeIcon
                  size={22}
                  radius="xl"
                  variant={step.path ? 'filled' : 'light'}
                  color={done ? 'teal' : step.path ? 'brand' : 'gray'}
                  fz={done ? 13 : 11}
                  fw={700}
                  aria-hidden
                >
                  {done ? '✓' : step.number}
                </ThemeIcon>
              }
            />
          );
        })}
      </Box>
      <LinkSection id="nav-planning" title="Planning" links={planningLinks} isActive={isActive} onNavigate={onNavigate} />
      <LinkSection id="nav-support" title="Support" links={supportLinks} isActive={isActive} onNavigate={onNavigate} />
      <LinkSection id="nav-operation" title="Operation" links={operationLinks} isActive={isActive} onNavigate={onNavigate} />
      <LinkSection
        id="nav-improvement"
        title="Evaluation and improvement"
        links={improvementLinks}
        isActive={isActive}
        onNavigate={onNavigate}
      />
      <LinkSection
        id="nav-certification"
        title="Certification"
        links={certificationLinks}
        isActive={isActive}
        onNavigate={onNavigate}
      />
      <LinkSection id="nav-registers" title="Registers" links={registerLinks} isActive={isActive} onNavigate={onNavigate} />
      <LinkSection id="nav-org" title="Organization" links={orgLinks} isActive={isActive} onNavigate={onNavigate} />
    </ScrollArea>
  );
}
