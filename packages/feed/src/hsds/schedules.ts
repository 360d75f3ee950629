import type { LocalizedText, OpeningHours } from '@brusano/sdk';

export type HsdsSchedule = Record<string, unknown>;
type Day = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';

const DAYS: Record<string, Day> = { MO: 'mo', TU: 'tu', WE: 'we', TH: 'th', FR: 'fr', SA: 'sa', SU: 'su' };
const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])(:[0-5][0-9](\.\d+)?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}/;

/** "All times are Brussels time" in the language the import reads. */
const BRUSSELS_TIME: Record<string, string> = { fr: 'heure de Bruxelles', nl: 'Brusselse tijd', en: 'Brussels time' };

const string = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * Weekly hours from HSDS schedules: a WEEKLY rule (or none) with `byday`, `opens_at` and
 * `closes_at` in local time becomes structured hours, grouped by days. What does not fit —
 * a description only, another frequency, an interval, times with a UTC offset — is kept as text,
 * the rule written out and the time zone stated, so nothing is silently dropped.
 */
export function hoursFromSchedules(schedules: readonly HsdsSchedule[], lang: string, note: (message: string) => void): OpeningHours | undefined {
  const weekly = new Map<string, { days: Day[]; intervals: { opens: string; closes: string }[] }>();
  const texts: string[] = [];
  const validity = new Set<string>();
  for (const schedule of schedules) {
    const structured = structuredSchedule(schedule);
    if (typeof structured === 'string') {
      const text = scheduleText(schedule, lang);
      if (text) {
        texts.push(text);
        note(`schedule ${string(schedule.id) ?? ''} kept as text: ${structured}`.replace('  ', ' '));
      } else note(`schedule ${string(schedule.id) ?? ''} left out: ${structured}, and it has no description`.replace('  ', ' '));
      continue;
    }
    const key = structured.days.join(',');
    const entry = weekly.get(key) ?? { days: structured.days, intervals: [] };
    if (!entry.intervals.some((interval) => interval.opens === structured.opens && interval.closes === structured.closes)) entry.intervals.push({ opens: structured.opens, closes: structured.closes });
    weekly.set(key, entry);
    validity.add(`${structured.validFrom ?? ''}/${structured.validUntil ?? ''}`);
  }
  if (!weekly.size && !texts.length) return undefined;
  const [validFrom, validUntil] = validity.size === 1 ? [...validity][0]!.split('/') : [];
  if (validity.size > 1) note('schedules valid over different periods: the periods are left out');
  const text = texts.length ? ({ [lang]: texts.join('\n') } as LocalizedText) : undefined;
  return {
    timeZone: 'Europe/Brussels',
    ...(weekly.size ? { weekly: [...weekly.values()].map((entry) => ({ ...entry, intervals: entry.intervals.sort((a, b) => a.opens.localeCompare(b.opens)) })) as OpeningHours['weekly'] } : {}),
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    ...(text ? { text } : {}),
  };
}

/** The schedule as weekly hours, or why it is not weekly hours. */
function structuredSchedule(schedule: HsdsSchedule): { days: Day[]; opens: string; closes: string; validFrom?: string; validUntil?: string } | string {
  const freq = string(schedule.freq)?.toUpperCase();
  if (freq && freq !== 'WEEKLY') return `its frequency is ${freq.toLowerCase()}`;
  if (schedule.interval !== undefined && schedule.interval !== null && Number(schedule.interval) !== 1) return `it repeats every ${String(schedule.interval)} weeks`;
  if (schedule.timezone !== undefined && schedule.timezone !== null) return `its times are given with a UTC offset (${String(schedule.timezone)})`;
  const codes = string(schedule.byday)?.toUpperCase().split(',').map((code) => code.trim());
  const days = codes?.map((code) => DAYS[code]);
  if (!codes || !days || days.some((day) => !day)) return codes ? `its days "${String(schedule.byday)}" are not plain weekdays` : 'it names no weekday';
  const opens = string(schedule.opens_at);
  const closes = string(schedule.closes_at);
  if (!opens || !closes) return 'it has no opening or closing time';
  if (!TIME.test(opens) || !TIME.test(closes)) return `its times (${opens}–${closes}) are not local times`;
  const from = string(schedule.valid_from);
  const until = string(schedule.valid_to);
  return {
    days: [...new Set(days as Day[])],
    opens: opens.slice(0, 5),
    closes: closes.slice(0, 5),
    ...(from && DATE.test(from) ? { validFrom: from.slice(0, 10) } : {}),
    ...(until && DATE.test(until) ? { validUntil: until.slice(0, 10) } : {}),
  };
}

/** The schedule in words: its description, else its rule, with the time zone said. */
function scheduleText(schedule: HsdsSchedule, lang: string): string | undefined {
  const description = string(schedule.description);
  const rule = [
    string(schedule.freq)?.toLowerCase(),
    string(schedule.byday),
    string(schedule.bymonthday) && `day ${string(schedule.bymonthday)}`,
    string(schedule.opens_at) && string(schedule.closes_at) ? `${string(schedule.opens_at)}–${string(schedule.closes_at)}` : undefined,
  ].filter(Boolean);
  const offset = typeof schedule.timezone === 'number' ? `UTC${schedule.timezone >= 0 ? '+' : ''}${schedule.timezone}` : undefined;
  const zone = offset ?? BRUSSELS_TIME[lang] ?? BRUSSELS_TIME.en;
  const times = rule.length ? `${rule.join(' ')} (${zone})` : undefined;
  const text = [description, times].filter(Boolean).join(' — ');
  return text || undefined;
}
