// Everything the SDK offers, for Node and for apps. A page that wants only one part imports its
// entry point instead (`@brusano/sdk/territory`, `/reader`, `/search`, `/hours`, `/calendar`,
// `/contact`, `/text`, `/client`) and loads nothing else.
export * from './client.js';
export * from './territory.js';
export * from './search.js';
export * from './hours.js';
export * from './calendar.js';
export * from './contact.js';
export * from './text.js';
export { openFeed, territoryKey, guardRecords, guardDocument, encodeRowGroup, decodeRowGroup, COLUMNS_FORMAT, FIRST_PAGE_FORMAT, FIRST_PAGES_URL } from './reader.js';
export type { FeedReader, FeedSnapshot, ReaderOptions, DatasetRead, ServiceBatch, FirstPage, ReadFirstPage, Shape, GuardResult, Column, RowGroup } from './reader.js';
export type * from './generated/types.js';
