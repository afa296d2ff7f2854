import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the test run', () => {
  it('keeps its temporary files in a folder of its own, which it removes at the end', () => {
    // tests/helpers/global-setup.ts points TMPDIR at that folder before any test file starts.
    expect(basename(tmpdir())).toMatch(/^journeykit-tests-/);
    expect(dirname(tmpdir())).not.toBe(tmpdir());
  });
});
