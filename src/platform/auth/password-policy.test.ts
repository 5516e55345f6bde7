import { describe, expect, it } from 'vitest';
import { checkPasswordStrength } from './password-policy.js';

describe('checkPasswordStrength', () => {
  it('accepts a long passphrase of unrelated words', () => {
    expect(checkPasswordStrength('correct horse battery staple', [])).toEqual({ ok: true });
  });

  it('refuses common passwords and says why', () => {
    const r = checkPasswordStrength('password1234', []);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/commonly used password/);
  });

  it('refuses keyboard rows, repeats and sequences', () => {
    for (const p of ['qwertyuiopas', 'aaaaaaaaaaaa', 'abcdefghijkl']) expect(checkPasswordStrength(p, []).ok).toBe(false);
  });

  it("refuses a password built from the person's own details", () => {
    const r = checkPasswordStrength('lovelace1815', ['ada.lovelace@example.com', 'Ada Lovelace']);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/your own details/) });
  });

  it('refuses NUL and other control characters', () => {
    for (const p of ['correct horse\u0000battery staple', 'correct horse\tbattery staple', 'correct\u001bhorse battery']) {
      expect(checkPasswordStrength(p, [])).toEqual({ ok: false, message: 'must not contain control characters' });
    }
  });

  it('judges long passwords by their first 64 characters: a long repeat is still weak, a long passphrase fine', () => {
    expect(checkPasswordStrength('p4ssw0rd'.repeat(32), []).ok).toBe(false);
    expect(checkPasswordStrength('correct horse battery staple '.repeat(8), []).ok).toBe(true);
  });
});
