import { describe, expect, it } from 'vitest';
import { nameKey, roleFlags } from './roles.rules.js';

const codes = (f: ReturnType<typeof roleFlags>) => f.map((x) => x.code);
const ada = { userId: 'u-ada', name: 'Ada Lead' };
const bob = { userId: 'u-bob', name: 'Bob Deputy' };

describe('governance role flags', () => {
  it('calls a role without a holder vacant, and a missing deputy only information', () => {
    const flags = roleFlags({ holder: null, deputy: null, holderLeft: false });
    expect(codes(flags)).toEqual(['vacant', 'no-deputy']);
    expect(flags.map((f) => f.level)).toEqual(['warning', 'info']);
  });

  it('flags a holder who left instead of calling the role vacant', () => {
    const flags = roleFlags({ holder: ada, deputy: bob, holderLeft: true });
    expect(codes(flags)).toEqual(['holder-left']);
    expect(flags[0].message).toContain('Ada Lead');
  });

  it('sees the same member, or the same typed name in any case, as holder and deputy', () => {
    expect(codes(roleFlags({ holder: ada, deputy: { ...ada, name: 'renamed' }, holderLeft: false }))).toEqual([
      'holder-is-deputy',
    ]);
    const team = { userId: null, name: 'Legal Team' };
    expect(codes(roleFlags({ holder: team, deputy: { userId: null, name: 'legal team ' }, holderLeft: false }))).toEqual([
      'holder-is-deputy',
    ]);
    // a member and a typed name are different people even with the same name
    expect(codes(roleFlags({ holder: ada, deputy: { userId: null, name: 'Ada Lead' }, holderLeft: false }))).toEqual([]);
  });

  it('compares role names without case or extra spaces', () => {
    expect(nameKey('  AI   Use Approver ')).toBe(nameKey('ai use approver'));
    expect(nameKey('AI use approver')).not.toBe(nameKey('AI use approvers'));
  });
});
