export { checkFeedDirectory, type FeedCheck, type FileProblem } from './feed-directory.js';
export { formatProblem } from './commands/validate.js';
export { writeCalendars } from './commands/calendars.js';
export { serveFeed, type FeedServer, type ServeFeedOptions } from './server/serve-feed.js';
export { main } from './cli.js';
export { buildFeed, type BuildResult } from './commands/build.js';
export { diffSchemas, type SchemaChange } from './commands/schema-diff.js';
export { importSocialBrussels, belgianPhone, lastUpdateDate, type SocialBrusselsRecord, type ImportNote } from './import/social-brussels.js';
export { serviceToHsds, servicesFromHsds, uuidFor, type HsdsService } from './hsds/hsds.js';
