// Is the scope broader than the organization? Stage 1 auditors reject a scope
// that claims everything ("the entire organisation and every use of AI
// worldwide") or reaches places the organization does not have. Judged from
// the words of the boundary (English, German, French, Spanish) and from the
// structure of the scope against the organization profile. Pure.

/** Lower case, accents and punctuation gone, one space between words, padded: " alle ki systeme ". */
export function normalizeWords(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\u00df/g, 'ss') // ß; escaped so the server bundle stays ASCII (bin/run-bundle.js)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}

// Words and phrases that claim the whole organization or the whole world.
const EVERYTHING = [
  // English
  'entire',
  'all',
  'every',
  'everything',
  'whole',
  'worldwide',
  'any',
  'global',
  'globally',
  'groupwide',
  'group wide',
  'company wide',
  'companywide',
  'organisation wide',
  'organization wide',
  'enterprise wide',
  'across the board',
  // German
  'gesamte',
  'gesamten',
  'gesamter',
  'gesamtes',
  'ganze',
  'ganzen',
  'samtliche',
  'samtlichen',
  'alle',
  'allen',
  'aller',
  'alles',
  'jede',
  'jeder',
  'jedes',
  'jeden',
  'weltweit',
  'weltweite',
  'weltweiten',
  'konzernweit',
  'unternehmensweit',
  // French
  'entiere',
  'entier',
  'tous',
  'toutes',
  'tout',
  'chaque',
  'mondial',
  'mondiale',
  'mondiaux',
  'monde entier',
  'ensemble du',
  'ensemble de',
  'globale',
  // Spanish
  'toda',
  'todas',
  'todo',
  'todos',
  'cada',
  'mundial',
  'entera',
  'entero',
  'cualquier',
];

// The subset that claims every place: compared with the sites and countries the profile has.
const EVERYWHERE = [
  'worldwide',
  'global',
  'globally',
  'all countries',
  'every country',
  'all sites',
  'every site',
  'all locations',
  'every location',
  'all offices',
  'all regions',
  'weltweit',
  'weltweite',
  'weltweiten',
  'alle standorte',
  'allen standorten',
  'alle lander',
  'allen landern',
  'mondial',
  'mondiale',
  'monde entier',
  'tous les sites',
  'tous les pays',
  'mundial',
  'todos los paises',
  'todas las sedes',
  'todos los centros',
];

function found(text: string, phrases: string[]): string[] {
  const normalized = normalizeWords(text);
  return phrases.filter((p) => normalized.includes(` ${p} `));
}

/** The words of a text that claim everything, in the order of the list above. */
export const everythingWords = (text: string) => found(text, EVERYTHING);
/** The words of a text that claim every place. */
export const everywhereWords = (text: string) => found(text, EVERYWHERE);

// "across 14 countries", "our 5 offices", "in 3 Ländern": a number of places.
const SITE_WORDS = [
  'sites',
  'offices',
  'locations',
  'standorte',
  'standorten',
  'niederlassungen',
  'sedes',
  'oficinas',
  'bureaux',
];
const COUNTRY_WORDS = ['countries', 'lander', 'landern', 'pays', 'paises'];

/** The largest number of sites and of countries a text claims ("12 offices" -> sites 12). */
export function claimedCounts(text: string): { sites: number; countries: number } {
  const words = normalizeWords(text).trim().split(' ');
  let sites = 0;
  let countries = 0;
  words.forEach((w, i) => {
    if (!/^\d{1,4}$/.test(w)) return;
    const n = Number(w);
    const next = words[i + 1];
    if (SITE_WORDS.includes(next)) sites = Math.max(sites, n);
    if (COUNTRY_WORDS.includes(next)) countries = Math.max(countries, n);
  });
  return { sites, countries };
}

// Country names in English, German, French and Spanish (from the runtime's
// ICU data), for finding the countries a boundary or list names. Names that
// are also everyday English words or people's names are left out.
const AMBIGUOUS = new Set([
  'chad',
  'jersey',
  'georgia',
  'turkey',
  'jordan',
  'guernsey',
  'maurice',
  'niger',
  'guinea',
  'man',
  'island',
]);
const ALIASES: Record<string, string> = { usa: 'US', us: 'US', uk: 'GB', 'great britain': 'GB', england: 'GB', scotland: 'GB' };
// ISO 3166-1 alpha-2 (the profile's country picker offers the same), without Antarctica.
const CODES =
  'AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'.split(
    ' ',
  );
const CODE_SET = new Set(CODES);

let countryIndex: Map<string, string> | null = null;

function countryNames(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  const languages = ['en', 'de', 'fr', 'es'].map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (const code of CODES) {
    for (const names of languages) {
      const name = names.of(code);
      if (!name) continue;
      for (const variant of [name, name.replace(/\s*\(.*\)\s*/, '')]) {
        const key = normalizeWords(variant).trim();
        if (key && !AMBIGUOUS.has(key)) index.set(key, code);
      }
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) index.set(alias, code);
  countryIndex = index;
  return index;
}

/** ISO codes of the countries a text names by name ("France", "Frankreich", "USA"). */
export function countriesIn(text: string): string[] {
  const normalized = normalizeWords(text);
  const out = new Set<string>();
  for (const [name, code] of countryNames()) {
    // "us" only as an upper-case code in the original: it is also a pronoun
    if (name === 'us' && !/\bUS\b/.test(text)) continue;
    if (normalized.includes(` ${name} `)) out.add(code);
  }
  return [...out];
}

/** The ISO code of an entry that is a country (a code "FR" or a name), else null. */
export function countryOf(entry: string): string | null {
  const trimmed = entry.trim();
  if (CODE_SET.has(trimmed)) return trimmed;
  return countryNames().get(normalizeWords(trimmed).trim()) ?? null;
}
