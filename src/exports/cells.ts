// Formula injection: a spreadsheet runs a cell that starts with =, +, -, @
// (or a tab or carriage return before one), e.g. =HYPERLINK(...) or
// =cmd|' /C calc'!A0. Exported cells starting so get a leading apostrophe,
// which spreadsheets read as "text". A value that already starts with
// apostrophes before such a character gets one more, so reading a cell back
// removes exactly one and every value survives export and import unchanged.

const TRIGGER = /^'*[=+\-@\t\r]/;

/** The characters a TRIGGER match starts with: most cells start with none, and need no regular expression. */
const FIRST = new Set(["'", '=', '+', '-', '@', '\t', '\r']);

export function neutralizeFormula(value: string): string {
  return FIRST.has(value[0]) && TRIGGER.test(value) ? `'${value}` : value;
}

/** The inverse of neutralizeFormula, applied to every imported cell. */
export function restoreNeutralized(value: string): string {
  return value.startsWith("'") && TRIGGER.test(value.slice(1)) ? value.slice(1) : value;
}
