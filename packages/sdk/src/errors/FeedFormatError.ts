import type { Problem } from '../validation/problem.js';
import { FeedError } from './FeedError.js';

/** The feed answered, but not with what a feed must hold: malformed JSON, a dataset that is not a list, an invalid manifest. */
export class FeedFormatError extends FeedError {
  override name = 'FeedFormatError';
  /** What is wrong, field by field, when the document could be read but not accepted. */
  readonly problems: readonly Problem[];

  constructor(message: string, url: string, problems: readonly Problem[] = [], options?: ErrorOptions) {
    super(message, url, options);
    this.problems = problems;
  }
}
