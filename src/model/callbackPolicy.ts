import * as z from 'zod/mini';
import { isTimeZone } from '../core/timeZone.js';

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const HH_MM_OR_MIDNIGHT = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** `'08:30'` → 510 minutes after midnight; `'24:00'` → 1440. */
export function minutesOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/**
 * Opening hours of one weekday, as wall-clock times in the policy's zone.
 * The window is half-open: a callback may start at `from` and at any slot
 * before `to`, not at `to` itself (the line closes at `to`). `to` may be
 * `'24:00'` (open until midnight).
 */
const openingHoursSchema = z.strictObject({
  from: z.stringFormat('HH:mm', HH_MM),
  to: z.stringFormat('HH:mm', HH_MM_OR_MIDNIGHT),
}).check(
  z.refine((hours) => !HH_MM.test(hours.from) || !HH_MM_OR_MIDNIGHT.test(hours.to) || minutesOfDay(hours.from) < minutesOfDay(hours.to), {
    message: '"from" must be earlier than "to"',
    path: ['to'],
  }),
);

/** `null` = closed that weekday. */
const dayHoursSchema = z.nullable(openingHoursSchema);

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const weeklyHoursSchema = z.strictObject({
  mon: z._default(dayHoursSchema, () => ({ from: '08:00', to: '20:00' })),
  tue: z._default(dayHoursSchema, () => ({ from: '08:00', to: '20:00' })),
  wed: z._default(dayHoursSchema, () => ({ from: '08:00', to: '20:00' })),
  thu: z._default(dayHoursSchema, () => ({ from: '08:00', to: '20:00' })),
  fri: z._default(dayHoursSchema, () => ({ from: '08:00', to: '20:00' })),
  sat: z._default(dayHoursSchema, () => ({ from: '09:00', to: '15:00' })),
  sun: z._default(dayHoursSchema, null),
}).check(
  z.refine((hours) => weekdays.some((day) => hours[day] !== null), { message: 'at least one weekday must be open' }),
);

/** Slot granularities: divisors of 60, so that slots fall on the same minutes every hour. */
const SLOT_MINUTES = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60] as const;

/**
 * Zod (`zod/mini`) schema of a callback policy: when the institution may call
 * a customer back. Part of a call script. Every field has a default, so `{}`
 * is the default policy: Europe/Warsaw, Mon–Fri 08:00–20:00, Sat 09:00–15:00,
 * Sunday and Polish public holidays closed, at least 5 minutes from now, at
 * most 14 days ahead, on a 5-minute grid. Unknown keys are errors.
 *
 * - `timeZone`: IANA zone the hours are in (validated by trying it).
 * - `hours`: per weekday `mon`…`sun`, `null` (closed) or `{ from, to }` wall
 *   times `HH:mm`, `from < to`, half-open (`to` itself is not offered;
 *   `'24:00'` allowed as `to`). A weekday left out keeps its default.
 * - `closedOnHolidays`: skip Polish public holidays ({@link polishHolidays}).
 * - `minDelayMinutes`: earliest callback = now + this (0–10080).
 * - `maxDays`: horizon; latest callback = the same wall time this many
 *   calendar days later (1–366).
 * - `slotMinutes`: granularity; slots lie on the zone's wall-clock grid
 *   (`:00`, `:05`, … for 5) — a divisor of 60.
 *
 * @example
 * ```ts
 * const policy = z.parse(callbackPolicySchema, { hours: { sat: null }, minDelayMinutes: 15 });
 * policy.hours.mon; // { from: '08:00', to: '20:00' }
 * ```
 */
export const callbackPolicySchema = z.strictObject({
  timeZone: z._default(z.string().check(z.refine(isTimeZone, { message: 'unknown IANA time zone' })), 'Europe/Warsaw'),
  hours: z.prefault(weeklyHoursSchema, {}),
  closedOnHolidays: z._default(z.boolean(), true),
  minDelayMinutes: z._default(z.int().check(z.gte(0), z.lte(10_080)), 5),
  maxDays: z._default(z.int().check(z.gte(1), z.lte(366)), 14),
  slotMinutes: z._default(z.literal(SLOT_MINUTES), 5),
});

/** A validated callback policy with every default filled in (output of {@link callbackPolicySchema}). */
export type CallbackPolicy = z.output<typeof callbackPolicySchema>;

/** What a script author writes: every field optional (input of {@link callbackPolicySchema}). */
export type CallbackPolicyInput = z.input<typeof callbackPolicySchema>;

/** A weekday key of {@link CallbackPolicy}`['hours']`. */
export type CallbackWeekday = keyof CallbackPolicy['hours'];

/** Opening hours of one weekday: `{ from, to }` wall times, or `null` when closed. */
export type CallbackDayHours = CallbackPolicy['hours'][CallbackWeekday];
