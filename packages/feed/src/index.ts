export { checkFeedDirectory, formatProblem, type FeedCheck, type FileProblem } from './commands/validate.js';
export { serveFeed, type FeedServer, type ServeFeedOptions } from './server/serve-feed.js';
export { main } from './cli.js';
