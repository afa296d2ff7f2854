import { describe, expect, it } from 'vitest';
import { bundleMeta } from '../helpers/module-log.js';

const meta = bundleMeta();

describe('the bundle the journey command runs', () => {
  // js-yaml's ES module build parses three to four times slower (see src/load/js-yaml.cjs).
  it.each([['dist/bundle/cli.cjs'], ['dist/bundle/worker.cjs']])('%s holds the CommonJS build of js-yaml, not the ES module one', (file) => {
    const jsYaml = (meta[file]?.sources ?? []).filter((source) => source.startsWith('node_modules/js-yaml/'));
    expect(jsYaml).toEqual(['node_modules/js-yaml/dist/js-yaml.cjs.js']);
  });
});
