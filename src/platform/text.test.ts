import { describe, expect, it } from 'vitest';
import { countryName, editDistance, fold, foldRemembered, thousands } from './text.js';

/** The textbook full-matrix Levenshtein distance, to hold the fast one to. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

describe('editDistance', () => {
  it('is the Levenshtein distance up to max, and max + 1 beyond', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const word = (n: number) => Array.from({ length: n }, () => 'abcab'[Math.floor(rand() * 5)]).join('');
    for (let k = 0; k < 5000; k++) {
      const a = word(Math.floor(rand() * 12));
      // Often a small edit of a, so distances near max are exercised.
      let b = a;
      for (let e = Math.floor(rand() * 4); e > 0; e--) {
        const at = Math.floor(rand() * (b.length + 1));
        const op = rand();
        b =
          op < 0.33
            ? b.slice(0, at) + word(1) + b.slice(at)
            : op < 0.66
              ? b.slice(0, at) + b.slice(at + 1)
              : b.slice(0, at) + word(1) + b.slice(at + 1);
      }
      if (rand() < 0.2) b = word(Math.floor(rand() * 12));
      const max = Math.floor(rand() * 4);
      const exact = levenshtein(a, b);
      expect(editDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(exact <= max ? exact : max + 1);
    }
  });

  it('handles shared prefixes and suffixes, empty strings and long names', () => {
    expect(editDistance('chatgptenterprise', 'chatgptenterprise', 2)).toBe(0);
    expect(editDistance('atlaschatassistantberlin', 'atlaschatassistantboston', 2)).toBe(3);
    expect(editDistance('', 'ab', 2)).toBe(2);
    expect(editDistance('x'.repeat(300), `${'x'.repeat(150)}y${'x'.repeat(149)}`, 1)).toBe(1);
  });

  it('fold ignores case, spacing and punctuation', () => {
    expect(fold(' ChatGPT_Enterprise ')).toBe(fold('chatgpt-enterprise'));
    expect(fold('ChatGPT Enterprise')).toBe('chatgptenterprise');
  });

  it('foldRemembered gives what fold gives, the first time and after', () => {
    for (const name of ['Crème Brûlée AI', 'ChatGPT Enterprise', 'Crème Brûlée AI'])
      expect(foldRemembered(name)).toBe(fold(name));
  });

  it('fold drops accents and reads compatibility forms as their letters', () => {
    expect(fold('Crème Brûlée AI')).toBe('cremebruleeai');
    expect(fold('Ｆｕｌｌｗｉｄｔｈ Ｂｏｔ')).toBe('fullwidthbot');
    expect(fold('Naïve-Bayes ﬁlter')).toBe('naivebayesfilter');
  });
});

describe('countryName', () => {
  it('names a country by its code, and gives back what is not a code', () => {
    expect(countryName('DE')).toBe('Germany');
    expect(countryName('FR')).toBe('France');
    expect(countryName('QQ')).toBe('QQ');
    expect(countryName('Germany')).toBe('Germany');
  });
});

describe('thousands', () => {
  it('writes whole numbers as English toLocaleString does', () => {
    for (const n of [0, 7, 999, 1000, 10_000, 123_456, 1_000_000, 9_876_543_210]) {
      expect(thousands(n)).toBe(n.toLocaleString('en'));
    }
  });
});
