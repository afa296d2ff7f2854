import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { MINIMAL_MAP } from '../helpers/maps.js';

/**
 * The published package, installed into an empty project the way a user would install it,
 * must run on its own: no file it needs may be missing from `files` or `exports`.
 */
let project: string;

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'journeykit-pack-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  project = join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, tarball)], {
    cwd: project,
    stdio: 'pipe',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: 'true' },
  });
  writeFileSync(join(project, 'map.yaml'), MINIMAL_MAP);
}, 300_000);

const journey = (...args: string[]) =>
  spawnSync(join(project, 'node_modules/.bin/journey'), args, { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('the packed package', () => {
  it('runs journey --help', () => {
    const result = journey('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: journey');
  });

  it('runs journey validate', () => {
    const result = journey('validate', 'map.yaml');
    expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
  });

  it('exposes the API, its types and the schema through the exports map', () => {
    const script = `
      import { loadJourney, validateJourney } from 'journeykit';
      import { createRequire } from 'node:module';
      const { journey } = await loadJourney('map.yaml');
      const { map, diagnostics } = validateJourney(journey);
      const schema = createRequire(import.meta.url)('journeykit/schema.json');
      console.log(JSON.stringify([map.title, diagnostics.length, schema.$id]));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['Minimal', 0, 'https://journeykit.dev/schemas/journey/v1.json']);
    expect(existsSync(join(project, 'node_modules/journeykit/dist/index.d.ts'))).toBe(true);
  });
});
