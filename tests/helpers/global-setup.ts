import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file of a test run goes into one folder, removed when the run ends: the tests'
 * own folders, and those of the commands and browsers the tests start (they inherit TMPDIR). A
 * run then leaves nothing in the system's temporary folder, even when a test fails before its
 * own clean-up.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'journeykit-tests-'));
  // Open to every user, as the system's own is: some tests run the command as an unprivileged one.
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
