/** Opening hours in Brussels time: open now, closes at, opens next, a given day's intervals. */
export { openingStatus, intervalsOn, type OpeningStatus } from './hours/opening-status.js';
export { addDays, atBrusselsTime, brusselsTime, weekdayOf, WEEKDAYS, TIME_ZONE, type BrusselsTime, type Weekday } from './hours/brussels-time.js';
export { countOpen } from './hours/compiled-hours.js';
export { currentAlerts, hoursWithAlerts } from './hours/alerts.js';
