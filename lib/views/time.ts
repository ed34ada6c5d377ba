import { uiLocale } from '../shared/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let relative: Intl.RelativeTimeFormat | undefined;

/** "now", "3 minutes ago", "2 hours ago", "5 days ago" — in the language of the messages. */
export function timeAgo(then: number, now: number): string {
  const format = (relative ??= new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' }));
  const elapsed = Math.max(0, now - then);
  if (elapsed < MINUTE) return format.format(0, 'second');
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}

let dateTime: Intl.DateTimeFormat | undefined;

/** A date for people: "7 Nov 2023, 05:31" in the language of the messages and the user's time zone. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (dateTime ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' })).format(date);
}

let timeOfDay: Intl.DateTimeFormat | undefined;

/** A time of day for people: "14:05" (or "2:05 PM"), in the language of the messages. */
export function formatTime(moment: number): string {
  return (timeOfDay ??= new Intl.DateTimeFormat(uiLocale(), { timeStyle: 'short' })).format(new Date(moment));
}
