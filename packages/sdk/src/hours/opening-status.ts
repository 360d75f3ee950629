import type { LocalizedText, OpeningHours, TimeInterval } from '../generated/types.js';
import { addDays, brusselsTime, minutesOf, weekdayOf } from './brussels-time.js';

/** Where a place or line stands at a given moment. */
export interface OpeningStatus {
  /** False when there are no structured hours (or the date is outside their validity): show `text`. */
  known: boolean;
  open: boolean;
  /** Today's intervals, Brussels time. */
  today: TimeInterval[];
  /** When open: the closing time (HH:MM, Brussels time). */
  closesAt?: string;
  /** When open: closing within 30 minutes. */
  closesSoon: boolean;
  /** When closed: the next opening within a week. */
  opensAt?: { date: string; time: string };
  /** The free-text hours, when the record has some. */
  text?: LocalizedText;
}

const CLOSES_SOON_MINUTES = 30;
const DAY = 24 * 60;

/** The intervals that start on a calendar date, after exceptions and validity. */
export function intervalsOn(hours: OpeningHours | undefined, date: string): TimeInterval[] {
  if (!hours?.weekly) return [];
  if ((hours.validFrom && date < hours.validFrom) || (hours.validUntil && date > hours.validUntil)) return [];
  const exception = hours.exceptions?.find((candidate) => candidate.from <= date && date <= (candidate.until ?? candidate.from));
  if (exception) return exception.closed ? [] : [...(exception.intervals ?? [])];
  const weekday = weekdayOf(date);
  return hours.weekly
    .filter((entry) => (entry.days as string[]).includes(weekday))
    .flatMap((entry) => entry.intervals)
    .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
}

/** Start and end of an interval in minutes from the start of its day; an end not after the start runs past midnight. */
function span(interval: TimeInterval): [number, number] {
  const opens = minutesOf(interval.opens);
  const closes = minutesOf(interval.closes);
  return [opens, closes > opens ? closes : closes + DAY];
}

/**
 * Open or closed, in Brussels time, at an instant (now by default): today's intervals, when it
 * closes, whether that is soon, and when it next opens. Handles several intervals a day,
 * intervals past midnight, exceptions, validity periods and daylight-saving changes.
 *
 * @example
 * const status = openingStatus(service.hours);
 * status.open ? `Open until ${status.closesAt}` : status.opensAt && `Opens ${status.opensAt.time}`;
 */
export function openingStatus(hours: OpeningHours | undefined, at: Date = new Date()): OpeningStatus {
  const now = brusselsTime(at);
  const base = { ...(hours?.text ? { text: hours.text } : {}) };
  if (!hours?.weekly) return { ...base, known: false, open: false, today: [], closesSoon: false };
  const today = intervalsOn(hours, now.date);
  const valid = !(hours.validFrom && now.date < hours.validFrom) && !(hours.validUntil && now.date > hours.validUntil);

  // Open now: an interval of today, or one of yesterday that runs past midnight.
  const candidates = [
    ...intervalsOn(hours, addDays(now.date, -1)).map((interval) => ({ interval, offset: -DAY })),
    ...today.map((interval) => ({ interval, offset: 0 })),
  ];
  for (const { interval, offset } of candidates) {
    const [start, end] = span(interval).map((minute) => minute + offset) as [number, number];
    if (start <= now.minutes && now.minutes < end) {
      return { ...base, known: true, open: true, today, closesAt: interval.closes, closesSoon: end - now.minutes <= CLOSES_SOON_MINUTES };
    }
  }
  for (let days = 0; days <= 7; days++) {
    const date = addDays(now.date, days);
    const next = intervalsOn(hours, date).find((interval) => days > 0 || minutesOf(interval.opens) > now.minutes);
    if (next) return { ...base, known: valid, open: false, today, closesSoon: false, opensAt: { date, time: next.opens } };
  }
  return { ...base, known: valid, open: false, today, closesSoon: false };
}
