import { FeedError } from './FeedError.js';

/** The feed could not be reached at all: offline, DNS failure, connection refused or reset. */
export class FeedNetworkError extends FeedError {
  override name = 'FeedNetworkError';

  constructor(url: string, options?: ErrorOptions) {
    super(`The feed could not be reached at ${url}.`, url, options);
  }
}
