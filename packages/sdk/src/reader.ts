/**
 * Reading a feed in a browser, light: the manifest, then only what a page shows (a few datasets,
 * a first page, the services as they arrive), each record through a guard generated from the
 * schemas, the last good copy in the Cache API. No validator and no HTTP library: a feed is
 * checked when `brusano-feed build` makes it.
 */
export * from './errors/index.js';
export { openFeed, type FeedReader, type FeedSnapshot, type ReaderOptions, type DatasetRead } from './reader/open-feed.js';
export { readFirstPage, prefetchServices } from './reader/read-first-page.js';
export { readServices, type ServiceBatch } from './reader/read-services.js';
export { territoryKey, FIRST_PAGE_FORMAT, FIRST_PAGES_URL, type FirstPage, type ReadFirstPage } from './reader/first-page.js';
export { guardRecords, guardDocument, type Shape, type GuardResult } from './reader/guard.js';
export { encodeRowGroup, decodeRowGroup, SharedValues, COLUMNS_FORMAT, type Column, type RowGroup } from './reader/columns.js';
export type { DatasetName, FeedData } from './validation/datasets.js';
/** Each dataset's shape for `reader.dataset()`: a bundle carries those it imports. */
export * from './generated/shapes.js';
export type { Problem } from './validation/problem.js';
