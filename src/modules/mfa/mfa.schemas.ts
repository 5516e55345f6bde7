import { z } from 'zod';

const totpCode = () => z.string().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app');
const recoveryCode = () => z.string().min(8).max(40);

export const mfaStatusSchema = z
  .object({
    enabled: z.boolean(),
    /** enrolment started and waiting for its first code */
    pending: z.boolean(),
    confirmedAt: z.string().nullable(),
    recoveryCodesLeft: z.number().int(),
    /** this session was started with the second factor (or set it up) */
    sessionVerified: z.boolean(),
    /** organizations you belong to that require it: it cannot be turned off meanwhile */
    requiredBy: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .meta({ id: 'MfaStatus' });

export const enrolmentSchema = z.object({
  /** base32, for typing into an app; shown only now */
  secret: z.string(),
  otpauthUri: z.string(),
});

export const recoveryCodesSchema = z.object({
  /** shown once: only their hashes are kept */
  recoveryCodes: z.array(z.string()),
});

export const codeBody = z.strictObject({ code: totpCode() });

const oneOfProof = (v: { code?: string | undefined; recoveryCode?: string | undefined }) =>
  Boolean(v.code) !== Boolean(v.recoveryCode);

export const turnOffBody = z
  .strictObject({ password: z.string().min(1).max(256), code: totpCode().optional(), recoveryCode: recoveryCode().optional() })
  .refine(oneOfProof, { path: ['code'], message: 'send a code from your app or a recovery code' });

export const challengeSchema = z.object({ mfaRequired: z.literal(true), challenge: z.string() }).meta({ id: 'MfaChallenge' });

export const completeSignInBody = z
  .strictObject({
    challenge: z.string().min(1).max(200),
    code: totpCode().optional(),
    recoveryCode: recoveryCode().optional(),
  })
  .refine(oneOfProof, { path: ['code'], message: 'send a code from your app or a recovery code' });

export const orgPolicySchema = z.object({ required: z.boolean() }).meta({ id: 'MfaPolicy' });
export const orgPolicyBody = z.strictObject({ required: z.boolean() });
