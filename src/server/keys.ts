import { SafecallError } from '../core/errors.js';
import type { RandomSource } from '../core/random.js';

const encoder = new TextEncoder();

/** A key for HMAC-SHA-256 from what callers configure: at least 32 bytes (a string is taken as UTF-8). */
export async function importHmacKey(secret: unknown, what: string): Promise<CryptoKey> {
  // A copy: Web Crypto wants a buffer of its own, and the caller's array may change later.
  const bytes = typeof secret === 'string' ? encoder.encode(secret) : secret instanceof Uint8Array ? new Uint8Array(secret) : undefined;
  if (!bytes || bytes.length < 32) throw new SafecallError('INVALID_ARGUMENT', `${what} must be a string or Uint8Array of at least 32 bytes`);
  return globalThis.crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** HMAC-SHA-256 of `label` + NUL + `message`: one key, separate uses that can never collide. */
export async function hmac(key: CryptoKey, label: string, message: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(`${label}\u0000${message}`)));
}

/**
 * The tag every stored record of a customer lives under (16 base64url characters): 96 bits of an HMAC
 * of their reference, so store keys neither show the reference nor let
 * anyone without the key link them to it, and one customer's keys share a
 * Redis Cluster hash slot.
 */
export async function customerTag(key: CryptoKey, customerRef: string): Promise<string> {
  return base64url((await hmac(key, 'safecall/customer', customerRef)).subarray(0, 12));
}

/** Bytes as base64url without padding (compact ids: they travel in every snapshot and URL). */
function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `<customer tag>.<128 random bits>` (base64url): unguessable, and names the customer's records without a lookup. */
export function newCallId(tag: string, random: RandomSource): string {
  const words = random.getRandomValues(new Uint32Array(4));
  return `${tag}.${base64url(new Uint8Array(words.buffer))}`;
}

const CALL_ID = /^([A-Za-z0-9_-]{16})\.[A-Za-z0-9_-]{22}$/;

/** The customer tag inside a call id, or `undefined` if it is not one of ours. */
export function tagOfCallId(callId: unknown): string | undefined {
  return typeof callId === 'string' ? CALL_ID.exec(callId)?.[1] : undefined;
}
