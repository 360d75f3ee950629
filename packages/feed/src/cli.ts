import { calendarsCommand, calendarsUsage } from './commands/calendars.js';
import { validateCommand, validateUsage } from './commands/validate.js';

const USAGE = `brusano-feed — tools for Brusano's feed

Commands:
  validate <feed-folder> [--json]         check a feed against the schemas
  calendars <feed-folder> <out-folder>   write the subscribable .ics calendars

${validateUsage}

${calendarsUsage}`;

const COMMANDS: Record<string, (args: string[], out: (line: string) => void) => Promise<number>> = {
  validate: validateCommand,
  calendars: calendarsCommand,
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
