import type { OpeningHours } from '../generated/types.js';
import { addDays, brusselsTime, minutesOf, WEEKDAYS, type BrusselsTime } from './brussels-time.js';
import { intervalsOn } from './opening-status.js';

const DAY = 24 * 60;

/**
 * Opening hours prepared once for "open now" checks over many services: each weekday's
 * intervals in minutes, so a check costs a few comparisons instead of date arithmetic.
 */
export interface CompiledHours {
  isOpen(now: BrusselsTime): boolean;
}

const NEVER: CompiledHours = { isOpen: () => false };

export function compileHours(hours: OpeningHours | undefined): CompiledHours {
  if (!hours?.weekly) return NEVER;
  const byWeekday = WEEKDAYS.map((day) =>
    hours.weekly!.filter((entry) => (entry.days as string[]).includes(day)).flatMap((entry) =>
      entry.intervals.map((interval) => {
        const opens = minutesOf(interval.opens);
        const closes = minutesOf(interval.closes);
        return [opens, closes > opens ? closes : closes + DAY] as const;
      }),
    ),
  );
  const irregular = Boolean(hours.exceptions?.length || hours.validFrom || hours.validUntil);
  const spansOn = (date: string, weekday: number) =>
    irregular
      ? intervalsOn(hours, date).map((interval) => {
          const opens = minutesOf(interval.opens);
          const closes = minutesOf(interval.closes);
          return [opens, closes > opens ? closes : closes + DAY] as const;
        })
      : byWeekday[weekday]!;
  return {
    isOpen(now) {
      const today = WEEKDAYS.indexOf(now.weekday);
      for (const [start, end] of spansOn(now.date, today)) if (start <= now.minutes && now.minutes < end) return true;
      // yesterday's intervals that run past midnight
      for (const [, end] of spansOn(irregular ? addDays(now.date, -1) : '', (today + 6) % 7)) if (end > DAY && now.minutes < end - DAY) return true;
      return false;
    },
  };
}

/**
 * How many services are open at a time, from a table of distinct opening hours and how many
 * services have each (a first page carries one), in Brussels time.
 *
 * @example
 * countOpen([[{ timeZone: 'Europe/Brussels', weekly: [...] }, 12], [null, 3]]) // 12 on a weekday morning
 */
export function countOpen(hours: readonly (readonly [OpeningHours | null, number])[], at = new Date()): number {
  const now = brusselsTime(at);
  return hours.reduce((sum, [pattern, count]) => sum + (pattern && compileHours(pattern).isOpen(now) ? count : 0), 0);
}
