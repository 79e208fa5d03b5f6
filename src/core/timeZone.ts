// IANA zone names already checked: a policy is validated many times with the same zone.
const known = new Map<string, boolean>();

/**
 * Whether `timeZone` is an IANA time zone this runtime knows (`'Europe/Warsaw'`).
 * Memoised: building an `Intl.DateTimeFormat` per check costs more than a
 * whole prompt render.
 */
export function isTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 64) return false;
  let ok = known.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size > 512) known.clear();
    known.set(timeZone, ok);
  }
  return ok;
}
