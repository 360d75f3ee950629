/** What the import did with one record: kept or not, and field by field what changed or was dropped, and why. */
export interface RecordReport {
  /** Position of the record in its input (0-based). */
  index: number;
  /** The file or URL it came from. */
  source?: string;
  /** The record's id in the other directory, when it has one. */
  sourceId?: string;
  /** The id it has in the feed, when kept. */
  id?: string;
  kept: boolean;
  /** Fields that became a Brusano field as they were. */
  keptFields: string[];
  /** Fields that were kept in another form ("phones[1]: kept as text, not a number"). */
  changed: string[];
  /** Fields that were left out, and why. */
  dropped: string[];
}

/** Collects one record's report while it is mapped. */
export function recordReport(index: number, sourceId: string | undefined, source?: string): RecordReport {
  return { index, ...(source ? { source } : {}), ...(sourceId ? { sourceId } : {}), kept: false, keptFields: [], changed: [], dropped: [] };
}

/** One line per change and drop: "record 3 (id): dropped: alert — the feed has no place for it". */
export function reportLines(report: RecordReport): string[] {
  const who = `record ${report.index + 1}${report.sourceId ? ` (${report.sourceId})` : ''}${report.source ? ` in ${report.source}` : ''}`;
  return [
    ...report.changed.map((change) => `${who}: changed: ${change}`),
    ...report.dropped.map((drop) => `${who}: ${report.kept ? 'dropped' : 'not imported'}: ${drop}`),
  ];
}
