import { createContext, use, useEffect } from 'react';

/** The organization the current page belongs to, for the browser tab's title; the app layout provides it. */
export const PageTitleOrgContext = createContext<string | undefined>(undefined);

/**
 * Names the page in the browser tab (and for screen readers, history and
 * bookmarks): "Inventory · Nimbus Software GmbH · OpenAIMS".
 */
export function usePageTitle(page: string | undefined) {
  const org = use(PageTitleOrgContext);
  useEffect(() => {
    document.title = pageTitle(page, org);
  }, [page, org]);
}

export function pageTitle(page: string | undefined, org: string | undefined): string {
  return [page, org, 'OpenAIMS'].filter(Boolean).join(' · ');
}
