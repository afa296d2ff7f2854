import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it('keeps its temporary files in a folder of its own, which it removes at the end', () => {
    // tests/helpers/global-setup.ts points TMPDIR at that folder before any test file starts.
    expect(basename(tmpdir())).toMatch(/^journeykit-tests-/);
    // Open to every user, as the system's own is: some tests run the command as an unprivileged one.
    expect(statSync(tmpdir()).mode & 0o7777).toBe(0o1777);
  });
});
