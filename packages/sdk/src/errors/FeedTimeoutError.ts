import { FeedError } from './FeedError.js';

/** The server did not answer within the time allowed, after the allowed retries. */
export class FeedTimeoutError extends FeedError {
  override name = 'FeedTimeoutError';
  readonly timeoutMs: number;

  constructor(url: string, timeoutMs: number, options?: ErrorOptions) {
    super(`The feed server did not answer within ${timeoutMs} ms for ${url}.`, url, options);
    this.timeoutMs = timeoutMs;
  }
}
