import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { ScopeCheck } from '../hooks/useScope';
import type { ScopeDraft } from './scopeForm';
import { SCOPE_SECTIONS, sectionOf } from './sections';

interface Props {
  sectionId: string;
  checks: ScopeCheck[];
  description?: ReactNode;
  children: ReactNode;
}

/** A scope question as a card, with the number of open warnings about its fields. */
export function ScopeSectionCard({ sectionId, checks, description, children }: Props) {
  const section = SCOPE_SECTIONS.find((s) => s.id === sectionId);
  const warnings = checks.filter((c) => c.severity === 'warning' && sectionOf(c.field)?.id === sectionId).length;
  return (
    <SectionCard
      id={sectionId}
      title={section?.title ?? sectionId}
      description={description}
      aside={
        warnings > 0 ? (
          <Badge color="yellow" variant="light" radius="sm" style={{ flexShrink: 0 }}>
            {warnings} {warnings === 1 ? 'warning' : 'warnings'}
          </Badge>
        ) : null
      }
    >
      {children}
    </SectionCard>
  );
}

export interface SectionProps {
  draft: ScopeDraft;
  onChange: (patch: Partial<ScopeDraft>) => void;
  errorFor: (path: string) => string | undefined;
  checks: ScopeCheck[];
  disabled: boolean;
}
