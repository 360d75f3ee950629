import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { ROOT } from '../../../test/support/paths.js';

const BIN = join(ROOT, 'packages', 'feed', 'bin', 'brusano-feed.js');

/** Runs the brusano-feed command as a data maintainer would, and says how it ended. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

/** A scratch folder, removed after the test. */
export function scratchFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'brusano-feed-test-'));
  folders.push(folder);
  return folder;
}
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));
