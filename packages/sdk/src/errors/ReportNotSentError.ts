/** A report of a mistake could not be delivered: the endpoint is not reachable, or refused it. */
export class ReportNotSentError extends Error {
  override name = 'ReportNotSentError';
  /** The endpoint. */
  readonly url: string;

  constructor(message: string, url: string) {
    super(message);
    this.url = url;
  }
}
