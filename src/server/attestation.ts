import * as z from 'zod/mini';
import { SafecallError } from '../core/errors.js';
import { failedReasonSchema, outcomeKindSchema, willCallBackReasonSchema } from '../model/index.js';
import { hmac, importHmacKey } from './keys.js';

const LABEL = 'safecall/attestation';

/** Schema of an {@link Attestation}'s signed content. */
export const attestationSchema = z.strictObject({
  callId: z.string(),
  customerRef: z.string(),
  outcome: z.strictObject({ kind: outcomeKindSchema, reason: z.optional(z.union([failedReasonSchema, willCallBackReasonSchema, z.literal('hang-up')])) }),
  /** ISO instant the service recorded the outcome. */
  at: z.string(),
});

/**
 * What an attestation says, signed by the verification service: this call, for
 * this customer, ended so, at that time.
 *
 * @example
 * ```ts
 * const { outcome, customerRef } = await verifyAttestation(token, process.env.SAFECALL_KEY!);
 * if (outcome.kind === 'verified' && customerRef === expected) proceed();
 * ```
 */
export type Attestation = z.infer<typeof attestationSchema>;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Signs an attestation: `<base64url(JSON)>.<base64url(HMAC-SHA-256)>`. */
export async function signAttestation(key: CryptoKey, attestation: Attestation): Promise<string> {
  const json = JSON.stringify(attestation);
  const payload = base64url(new TextEncoder().encode(json));
  return `${payload}.${base64url(await hmac(key, LABEL, payload))}`;
}

/**
 * Checks an attestation token from `service.attestation(callId)` with the
 * service's key (Web Crypto, constant-time) and returns what it says. Throws
 * `SafecallError` `INVALID_ATTESTATION` for anything malformed, altered or
 * signed with another key.
 *
 * @example
 * ```ts
 * const attestation = await verifyAttestation(token, process.env.SAFECALL_KEY!);
 * attestation.outcome.kind; // 'verified'
 * ```
 */
export async function verifyAttestation(token: string, key: string | Uint8Array): Promise<Attestation> {
  const invalid = () => new SafecallError('INVALID_ATTESTATION', 'the attestation is malformed, altered or signed with another key');
  if (typeof token !== 'string' || token.length > 4096) throw invalid();
  const [payload, mac, extra] = token.split('.');
  if (payload === undefined || mac === undefined || extra !== undefined) throw invalid();
  const signature = fromBase64url(mac);
  if (!signature) throw invalid();
  const cryptoKey = await importHmacKey(key, 'key');
  const ok = await globalThis.crypto.subtle.verify('HMAC', cryptoKey, signature, new TextEncoder().encode(`${LABEL}\u0000${payload}`));
  if (!ok) throw invalid();
  const bytes = fromBase64url(payload);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw invalid();
  }
  const parsed = z.safeParse(attestationSchema, data);
  if (!parsed.success) throw invalid();
  return parsed.data;
}
