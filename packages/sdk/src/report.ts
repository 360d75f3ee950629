/** Sends a report of a mistake in a record to the feed's endpoint (the widgets' "report an error" form). */
export { sendReport, type ErrorReport } from './report/send-report.js';
export { ReportNotSentError } from './errors/ReportNotSentError.js';
