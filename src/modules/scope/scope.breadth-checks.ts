import { countryName } from '../../platform/text.js';
import { claimedCounts, countriesIn, countryOf, everythingWords, everywhereWords } from './scope.breadth.js';
import type { ScopeCheck, ScopeContent } from './scope.schemas.js';

// The over-broad scope checks (Stage 1: "too broad"), from the boundary's
// words and the scope's structure against the organization profile. Pure.

const quoted = (words: string[]) => words.map((w) => `"${w}"`).join(', ');

export function breadthChecks(
  content: ScopeContent,
  profile: { sites: { country: string }[]; countries: string[] },
): ScopeCheck[] {
  const checks: ScopeCheck[] = [];
  const warn = (code: string, field: string, message: string) => checks.push({ code, severity: 'warning', field, message });
  const boundary = content.boundaryStatement.trim();

  // (a) Claims everything while naming nothing: no AI system, product, service or team.
  const claims = everythingWords(boundary);
  const namesNothing =
    content.aiSystems.length === 0 && content.productsAndServices.length === 0 && content.departments.length === 0;
  if (claims.length && namesNothing) {
    warn(
      'scope-claims-everything',
      'boundaryStatement',
      `The boundary claims everything (${quoted(claims)}) but the scope names no AI system, product, service or team. An auditor cannot check a scope like this. Name the AI systems, the products and services and the teams the AIMS covers, and word the boundary around them.`,
    );
  }

  // (b) More places than the organization has: countries it has no site,
  // registration or market in; "worldwide"; "12 offices" with 2 in the profile.
  const known = new Set([...profile.countries, ...profile.sites.map((s) => s.country)]);
  const listed = content.countriesOrBusinessUnits.map(countryOf).filter((c): c is string => c !== null);
  const named = [...new Set([...listed, ...countriesIn(boundary)])];
  const beyond = named.filter((c) => !known.has(c));
  if (beyond.length) {
    warn(
      'countries-beyond-profile',
      listed.some((c) => !known.has(c)) ? 'countriesOrBusinessUnits' : 'boundaryStatement',
      `The scope names ${beyond.length === 1 ? 'a country' : 'countries'} the organization profile does not have (${beyond.map(countryName).join(', ')}): no site, registration or target market there. Add the sites to the organization profile if the AIMS really runs there, or take the ${beyond.length === 1 ? 'country' : 'countries'} out of the scope.`,
    );
  }
  const everywhere = everywhereWords(boundary);
  const claimed = claimedCounts(boundary);
  const siteCount = profile.sites.length;
  const countryCount = known.size;
  const reasons: string[] = [];
  if (everywhere.length) reasons.push(`it says ${quoted(everywhere)}`);
  if (claimed.sites > siteCount) reasons.push(`it speaks of ${claimed.sites} sites`);
  if (claimed.countries > countryCount) reasons.push(`it speaks of ${claimed.countries} countries`);
  if (reasons.length) {
    warn(
      'places-beyond-profile',
      'boundaryStatement',
      `The boundary reaches further than the organization profile: ${reasons.join(' and ')}, while the profile has ${siteCount} ${siteCount === 1 ? 'site' : 'sites'} in ${countryCount} ${countryCount === 1 ? 'country' : 'countries'}. Name the sites and countries the AIMS covers instead, or complete the organization profile.`,
    );
  }
  return checks;
}
