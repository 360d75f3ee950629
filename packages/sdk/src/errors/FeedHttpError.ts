import { FeedError } from './FeedError.js';

/** The server answered with an HTTP error status (404, 500…), after the allowed retries. */
export class FeedHttpError extends FeedError {
  override name = 'FeedHttpError';
  readonly status: number;

  constructor(url: string, status: number, options?: ErrorOptions) {
    super(`The feed server answered ${status} for ${url}.`, url, options);
    this.status = status;
  }
}
