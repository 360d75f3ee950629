import { buildCommand, buildUsage } from './commands/build.js';
import { calendarsCommand, calendarsUsage } from './commands/calendars.js';
import { exportCommand, exportUsage } from './commands/export.js';
import { importCommand, importUsage } from './commands/import.js';
import { schemaDiffCommand, schemaDiffUsage } from './commands/schema-diff.js';
import { schemaDocsCommand, schemaDocsUsage } from './commands/schema-docs.js';
import { serveCommand, serveUsage } from './commands/serve.js';
import { validateCommand, validateUsage } from './commands/validate.js';

const USAGE = `brusano-feed — tools for Brusano's feed

Commands:
  validate <feed-folder> [--json]         check a feed: schemas and cross-references
  build <source> <out> [--strict]        build a deployable static feed
  calendars <feed-folder> <out-folder>   write the subscribable .ics calendars
  serve <feed-folder> [--port 8081]      serve a feed locally, with CORS and ETags
  schema-diff <old> <new> [--json]       classify schema changes as breaking or compatible
  schema-docs <schemas> <out>            write the schema reference in EN and FR
  import social-brussels <json> <out>    map Bruxelles Social records to services
  import hsds <file|folder> <out>        read Open Referral HSDS 3 services
  export hsds <feed-folder> <out>        write the services as HSDS 3

${validateUsage}

${buildUsage}

${calendarsUsage}

${serveUsage}

${schemaDiffUsage}

${schemaDocsUsage}

${importUsage}

${exportUsage}`;

const COMMANDS: Record<string, (args: string[], out: (line: string) => void) => Promise<number>> = {
  validate: validateCommand,
  build: buildCommand,
  calendars: calendarsCommand,
  serve: serveCommand,
  'schema-diff': schemaDiffCommand,
  'schema-docs': schemaDocsCommand,
  import: importCommand,
  export: exportCommand,
};

/** Runs the CLI and returns its exit code, so tests can call it in-process. */
export async function main(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    out(`Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  return command(args, out);
}
