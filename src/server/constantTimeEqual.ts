/**
 * Compares two strings in time that depends only on their lengths, not on
 * where they differ, so response timing does not leak how many digits were
 * right. Pure JS (no `node:crypto`) so the module stays browser-safe.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
