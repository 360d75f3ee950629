/**
 * The validating feed client, for tools, servers and apps: every record checked against the
 * schemas with the validators compiled ahead of time, HTTP with ky (retries, timeouts, ETags).
 * Browsers reading a built feed need less: see `@brusano/sdk/reader`.
 */
export * from './errors/index.js';
export { createClient, SCHEMA_MAJOR_VERSION, type ClientOptions, type Feed, type FeedClient } from './feed/create-client.js';
export { validateDataset, isOptionalDataset, DATASET_NAMES, type DatasetName, type FeedData } from './validation/datasets.js';
export { validateManifest } from './generated/validators.js';
export { problemsFromAjv, type Problem } from './validation/problem.js';
export { checkReferences } from './validation/references.js';
