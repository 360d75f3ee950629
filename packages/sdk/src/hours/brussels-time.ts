import type { OpeningHours } from '../generated/types.js';

export type Weekday = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';
export const WEEKDAYS: readonly Weekday[] = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];

/** The wall-clock date and time in Brussels at an instant. */
export interface BrusselsTime {
  /** YYYY-MM-DD */
  date: string;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
}

export const TIME_ZONE: OpeningHours['timeZone'] = 'Europe/Brussels';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Reads Brussels' wall clock at an instant, daylight-saving time included. */
export function brusselsTime(at: Date): BrusselsTime {
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: weekdayOf(date), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The weekday of a calendar date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** The calendar date `days` after (or before) another. */
export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/** "09:30" → 570 */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * The instant at which Brussels' wall clock reads this date and time (daylight-saving time
 * included); in the hour skipped in spring, the instant an hour later.
 *
 * @example
 * atBrusselsTime('2026-03-29', '09:00').toISOString() // '2026-03-29T07:00:00.000Z' (summer time)
 */
export function atBrusselsTime(date: string, time: string): Date {
  const wanted = minutesOf(time);
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Brussels is UTC+1 or UTC+2: try both, keep the one whose wall clock reads what was asked.
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(utcMidnight + (wanted - offsetHours * 60) * 60_000);
    const reads = brusselsTime(candidate);
    if (reads.date === date && reads.minutes === wanted) return candidate;
  }
  return new Date(utcMidnight + (wanted - 60) * 60_000);
}
