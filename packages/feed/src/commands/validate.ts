import { checkFeedDirectory, type FileProblem } from '../feed-directory.js';

/** One readable line per problem: file, record, field path, message. */
export function formatProblem(problem: FileProblem): string {
  const record =
    problem.index === undefined ? '' : ` record ${problem.index + 1}${problem.recordId ? ` (${problem.recordId})` : ''}`;
  const field = problem.pointer ? ` ${problem.pointer}` : '';
  return `${problem.file}${record}${field}: ${problem.message}`;
}

export const validateUsage = `Usage: brusano-feed validate <feed-folder> [--json]

Checks manifest.json and every dataset it names against the Brusano schemas.
Prints one line per problem (file, record, field, message), every one: a record whose only
faults are in optional fields would be shown without them, but is still reported here.
Exit code: 0 valid, 1 problems found, 2 usage error.`;

export async function validateCommand(args: string[], out: (line: string) => void): Promise<number> {
  const json = args.includes('--json');
  const positional = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json');
  if (positional.length !== 1 || unknown.length > 0) {
    out(validateUsage);
    return 2;
  }
  const check = await checkFeedDirectory(positional[0]!);
  if (json) {
    const { directory, counts, problems } = check;
    out(JSON.stringify({ valid: problems.length === 0, directory, counts, problems }, null, 2));
  } else {
    for (const problem of check.problems) out(formatProblem(problem));
    const records = Object.values(check.counts).reduce((sum, count) => sum + count, 0);
    const { skipped, trimmed } = problemOutcomes(check.problems);
    out(
      check.problems.length === 0
        ? `✓ ${positional[0]}: ${records} valid records in ${Object.keys(check.counts).length} datasets, no problems.`
        : `✗ ${positional[0]}: ${check.problems.length} problem(s); ${records} records can be shown (${trimmed} of them without a field), ${skipped} cannot.`,
    );
  }
  return check.problems.length === 0 ? 0 : 1;
}

/** How many records the problems leave out, and how many they keep without a field. */
export function problemOutcomes(problems: readonly FileProblem[]): { skipped: number; trimmed: number } {
  const key = (problem: FileProblem) => `${problem.file}\u0000${problem.index}`;
  const skipped = new Set(problems.filter((problem) => problem.outcome === 'record-skipped').map(key));
  const trimmed = new Set(problems.filter((problem) => problem.outcome === 'field-dropped' && !skipped.has(key(problem))).map(key));
  return { skipped: skipped.size, trimmed: trimmed.size };
}
