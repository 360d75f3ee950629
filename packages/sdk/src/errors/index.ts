export { FeedError } from './FeedError.js';
export { FeedHttpError } from './FeedHttpError.js';
export { FeedTimeoutError } from './FeedTimeoutError.js';
export { FeedNetworkError } from './FeedNetworkError.js';
export { FeedFormatError } from './FeedFormatError.js';
