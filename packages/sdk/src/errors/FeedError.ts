/**
 * Base class of every error the SDK throws while loading a feed.
 * Catch it to handle all feed failures at once; test the subclasses to tell them apart.
 *
 * @example
 * try { await client.load(); } catch (error) { if (error instanceof FeedError) showOffline(error.url); }
 */
export class FeedError extends Error {
  override name = 'FeedError';
  /** The URL that failed. */
  readonly url: string;

  constructor(message: string, url: string, options?: ErrorOptions) {
    super(message, options);
    this.url = url;
  }
}
