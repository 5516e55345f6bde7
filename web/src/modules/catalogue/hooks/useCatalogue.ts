import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';

export type Catalogue = Schemas['Catalogue'];
export type Requirement = Schemas['CatalogueRequirement'];
export type ReviewArea = Schemas['ReviewArea'];
export type CrosswalkSummary = Schemas['CrosswalkSummary'];
export type CrosswalkDetail = Schemas['CrosswalkDetail'];
export type CrosswalkId = CrosswalkSummary['id'];
export type IsmsProcess = Schemas['IsmsProcess'];

// The catalogue is the same for every organization and changes only with a
// release, so it is fetched once per session.
const catalogueKey = ['catalogue'] as const;

export function useCatalogue() {
  return useQuery({
    queryKey: [...catalogueKey, 'iso42001'],
    queryFn: () => unwrap(api.GET('/api/v1/catalogue/iso42001')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCrosswalks() {
  return useQuery({
    queryKey: [...catalogueKey, 'crosswalks'],
    queryFn: () => unwrap(api.GET('/api/v1/catalogue/crosswalks')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCrosswalk(id: string | null) {
  return useQuery({
    queryKey: [...catalogueKey, 'crosswalks', id],
    enabled: !!id,
    queryFn: () => unwrap(api.GET('/api/v1/catalogue/crosswalks/{id}', { params: { path: { id: id ?? '' } } })),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The crosswalk as a CSV file (the server sends it as an attachment). */
export function crosswalkCsvUrl(id: string): string {
  return `/api/v1/catalogue/crosswalks/${encodeURIComponent(id)}?format=csv`;
}
