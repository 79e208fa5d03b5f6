/**
 * The scripts the service accepts calls for: the example scripts, read from
 * `examples/scripts/`. The service enforces its own copy of each policy (the
 * desktop names a script by `{ id, version }` and cannot weaken it); the
 * locale does not matter here, so a desktop may render either language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineScript, type CallScript } from 'safecall-pl';

/** Where the example scripts live. */
export const SCRIPTS_DIR = fileURLToPath(new URL('../scripts/', import.meta.url));

/**
 * Every `*.json` script of `dir`, validated.
 *
 * @example
 * ```ts
 * const scripts = loadScripts(); // fraud-alert v4, loan-offer v2, vip-substitute v3
 * ```
 */
export function loadScripts(dir: string = SCRIPTS_DIR): CallScript[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => defineScript(JSON.parse(readFileSync(`${dir}/${name}`, 'utf8'))));
}
