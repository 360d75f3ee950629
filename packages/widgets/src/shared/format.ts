import type { Language } from '@brusano/sdk/text';
import { dateFormat, LOCALES } from './locale.js';

export const isDateOnly = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
const instant = (value: string): Date => new Date(isDateOnly(value) ? `${value}T00:00:00Z` : value);

/** "mardi 12 mars 2025" */
export function formatLongDate(value: string, lang: Language): string {
  return dateFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, isDateOnly(value)).format(instant(value));
}

/** "12 mars 2025" */
export function formatDate(value: string, lang: Language): string {
  return dateFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }, isDateOnly(value)).format(instant(value));
}

/** "12:00", Brussels time. */
export function formatTime(value: string, lang: Language): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant(value));
}

/** "mars 2025" */
export function formatMonth(year: number, month: number, lang: Language): string {
  return dateFormat(lang, { month: 'long', year: 'numeric' }, true).format(new Date(Date.UTC(year, month, 1)));
}

/** Short weekday names, Monday first. */
export function weekdayNames(lang: Language, style: 'short' | 'long' = 'short'): string[] {
  const format = dateFormat(lang, { weekday: style }, true);
  return Array.from({ length: 7 }, (_, index) => format.format(new Date(Date.UTC(2024, 0, 1 + index)))); // 1 Jan 2024 was a Monday
}

/** The Brussels calendar date of an event's start, YYYY-MM-DD. */
export function brusselsDate(value: string): string {
  if (isDateOnly(value)) return value;
  const parts = Object.fromEntries(dateFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(value)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "650 m", "1,2 km": metres to the nearest 50 under a kilometre, then kilometres to one decimal. */
export function formatDistance(metres: number, lang: Language): string {
  if (metres < 1_000) return `${Math.max(50, Math.round(metres / 50) * 50)} m`;
  return `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(metres / 1_000)} km`;
}
