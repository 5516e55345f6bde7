/** "risk method" reads "Risk method" at the start of a label. */
export const capitalized = (what: string) => what.charAt(0).toUpperCase() + what.slice(1);
