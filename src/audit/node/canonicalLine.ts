import * as z from 'zod/mini';
import { auditEventSchema, type AuditEvent } from '../events.js';

/**
 * The fast path of the reader. `jsonlAuditSink` writes every event as
 * `JSON.stringify` of the validated event, so nearly every line has one
 * exact layout: the envelope keys in schema order, then `data`. For such a
 * line, one anchored regular expression checks the envelope's JSON syntax
 * and captures its values; the checks zod would make on them are a type
 * test and two set lookups; and `data` is validated by zod once per distinct
 * text (a trail holds few distinct `data` texts: `{}`, `{"safe":true}`…).
 * A line in any other layout (other key order, spaces, a new envelope key)
 * takes the general path, `JSON.parse` and zod, so what is accepted never
 * differs — only how fast.
 */

/** The envelope as the fast path knows it; if the schema's envelope changes, the fast path turns itself off. */
const ENVELOPE = ['at', 'sessionId', 'scriptId', 'scriptVersion', 'step', 'type', 'data'] as const;
const EXPECTED_DEF_TYPES = ['string', 'string', 'string', 'number', 'enum', 'literal', 'object'] as const;

// A JSON string, unrolled (`normal* (escape normal*)*`) so a failing match
// backtracks in linear time whatever the line holds.
const NORMAL = '[^"\\\\\\u0000-\\u001f]*';
const STRING = `"(${NORMAL}(?:\\\\(?:["\\\\/bfnrt]|u[0-9a-fA-F]{4})${NORMAL})*)"`;
const LINE = new RegExp(
  `^\\{"at":${STRING},"sessionId":${STRING},"scriptId":${STRING},"scriptVersion":(-?(?:0|[1-9][0-9]{0,15})),"step":"([a-z-]{1,40})","type":"([a-z-]{1,40})","data":(\\{.*\\})\\}$`,
);

/** Distinct canonical `data` texts remembered per event type; past this, zod checks each line (still correct, slower). */
const CACHE_LIMIT = 4096;

interface TypeEntry {
  data: z.ZodMiniType;
  /** `data` texts zod accepted and that are exactly `JSON.stringify` of zod's output, with that output, deep-frozen. */
  canonical: Map<string, unknown>;
}

interface Shape {
  steps: ReadonlySet<string>;
  types: Map<string, TypeEntry>;
}

type ObjectOption = z.ZodMiniObject<Record<string, z.ZodMiniType>>;

function isObjectOption(option: unknown): option is ObjectOption {
  return option instanceof z.ZodMiniObject;
}

/** Reads the envelope and the per-type `data` schemas off the zod schema; undefined when it is not the shape this path knows. */
function readShape(): Shape | undefined {
  const types = new Map<string, TypeEntry>();
  let steps: ReadonlySet<string> | undefined;
  for (const option of auditEventSchema._zod.def.options) {
    if (!isObjectOption(option)) return undefined;
    const shape = option._zod.def.shape;
    const keys = Object.keys(shape);
    if (keys.length !== ENVELOPE.length || keys.some((key, i) => key !== ENVELOPE[i])) return undefined;
    const defs = ENVELOPE.map((key) => shape[key]!._zod.def);
    if (defs.some((def, i) => def.type !== EXPECTED_DEF_TYPES[i] || (def.checks?.length ?? 0) > 0)) return undefined;
    const [, , , version, step, type] = defs;
    if (version?.type !== 'number' || version.format !== 'safeint') return undefined;
    if (step?.type !== 'enum' || type?.type !== 'literal' || type.values.length !== 1) return undefined;
    const stepValues = new Set(Object.values(step.entries).map(String));
    if (steps && (steps.size !== stepValues.size || [...stepValues].some((s) => !steps!.has(s)))) return undefined;
    steps = stepValues;
    types.set(String(type.values[0]), { data: shape['data']!, canonical: new Map() });
  }
  return steps ? { steps, types } : undefined;
}

let shape: Shape | null | undefined;
function knownShape(): Shape | null {
  if (shape === undefined) shape = readShape() ?? null;
  return shape;
}

/**
 * Whether the fast path is on (the schema's envelope is the one it knows).
 * A test holds it on, so a schema change that turns it off is noticed.
 *
 * @example
 * ```ts
 * expect(canonicalPathEnabled()).toBe(true);
 * ```
 */
export function canonicalPathEnabled(): boolean {
  return knownShape() !== null;
}

/** A JSON string's content as captured (between the quotes): most have no escapes and are the value itself. */
const text = (content: string): string => (content.indexOf('\\') < 0 ? content : (JSON.parse(`"${content}"`) as string));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const EMPTY = Object.freeze({});

/**
 * Decodes a line in the sink's exact layout into a validated event, or
 * returns undefined when the line must take the general path (another
 * layout, or anything zod would reject — the general path then says why).
 * With `shareData`, events with the same `data` text share one deep-frozen
 * `data` object (what a summary or a sample needs, without parsing `data`
 * again for every line); otherwise each event gets its own.
 *
 * @example
 * ```ts
 * const event = decodeCanonicalLine(line, false) ?? parseAuditEvent(JSON.parse(line), 'audit.jsonl:12');
 * ```
 */
export function decodeCanonicalLine(line: string, shareData: boolean): AuditEvent | undefined {
  const known = knownShape();
  if (!known) return undefined;
  const m = LINE.exec(line);
  if (!m) return undefined;
  const scriptVersion = Number(m[4]);
  const step = m[5]!;
  const type = m[6]!;
  const entry = known.types.get(type);
  if (!entry || !known.steps.has(step) || !Number.isSafeInteger(scriptVersion)) return undefined;
  const dataText = m[7]!;
  let data = entry.canonical.get(dataText);
  if (data !== undefined) {
    if (!shareData) data = dataText === '{}' ? {} : JSON.parse(dataText);
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(dataText);
    } catch {
      return undefined;
    }
    const result = z.safeParse(entry.data, parsed);
    if (!result.success) return undefined;
    data = result.data;
    if (entry.canonical.size < CACHE_LIMIT && JSON.stringify(result.data) === dataText) {
      entry.canonical.set(dataText, dataText === '{}' ? EMPTY : deepFreeze(JSON.parse(dataText)));
    }
  }
  // Built in the schema's key order, as zod's output is; `data` was checked against this type's schema above.
  const event = { at: text(m[1]!), sessionId: text(m[2]!), scriptId: text(m[3]!), scriptVersion, step, type, data };
  return event as AuditEvent;
}
