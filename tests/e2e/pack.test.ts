import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { findBrowser } from '../../src/render/browser/find.js';
import { MINIMAL_MAP } from '../helpers/maps.js';

/**
 * The published package, installed into an empty project the way a user would install it,
 * must run on its own: no file it needs may be missing from `files` or `exports`.
 */
let project: string;
let home: string;

/** What a user's shell has: a PATH and a home, no PUPPETEER_* or npm_* variables. */
const cleanEnvironment = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: home, TMPDIR: tmpdir() });

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'journeykit-pack-'));
  home = join(work, 'home');
  execFileSync('mkdir', ['-p', home]);
  // The user's npm cache is reused through a flag, so the install reaches the registry only for
  // what the cache lacks; the fresh home shows whether anything (a browser) was downloaded.
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
  project = join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', '--cache', cache, join(work, tarball)], {
    cwd: project,
    stdio: 'pipe',
    env: cleanEnvironment(),
  });
  writeFileSync(join(project, 'map.yaml'), MINIMAL_MAP);
}, 300_000);

const journey = (...args: string[]) =>
  spawnSync(join(project, 'node_modules/.bin/journey'), args, { cwd: project, encoding: 'utf8', env: { ...cleanEnvironment(), NO_COLOR: '1' } });

/** Every installed package folder (node_modules/x and node_modules/@scope/x, nested ones too). */
function installedPackages(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const folders = name.startsWith('@') ? readdirSync(join(dir, name)).map((n) => join(dir, name, n)) : [join(dir, name)];
      for (const folder of folders) {
        found.push(folder);
        walk(join(folder, 'node_modules'));
      }
    }
  };
  walk(join(root, 'node_modules'));
  return found;
}

function sizeOf(path: string): number {
  return Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) * 1024;
}

describe('the packed package, installed with a clean environment', () => {
  it('downloads no browser and installs neither puppeteer nor mermaid', () => {
    const names = installedPackages(project).map((folder) => folder.split('node_modules/').pop());
    expect(names.filter((name) => /puppeteer|mermaid|chrom/.test(name!))).toEqual([]);
    expect(existsSync(join(home, '.cache', 'puppeteer'))).toBe(false);
  });

  it('stays within 25 MB and 50 packages', () => {
    const packages = installedPackages(project);
    expect(packages.length).toBeLessThanOrEqual(50);
    expect(sizeOf(join(project, 'node_modules'))).toBeLessThanOrEqual(25 * 1024 * 1024);
  });

  it('lints, validates and draws the canvas without the Mermaid image stack', () => {
    const lint = journey('lint', '--format', 'json', 'map.yaml');
    expect(lint.stderr).toBe('');
    expect([0, 1]).toContain(lint.status);
    expect(JSON.parse(lint.stdout).files.map((f: { file: string }) => f.file)).toEqual(['map.yaml']);
    const canvas = journey('render', 'map.yaml', '--diagram', 'canvas', '-o', 'map.png');
    expect({ code: canvas.status, stderr: canvas.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(join(project, 'map.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('says in one line how to add the Mermaid image stack when an image is asked for', () => {
    const result = journey('render', 'map.yaml', '-o', 'map.svg');
    expect({ code: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: Mermaid images (svg, png, pdf) need mermaid and puppeteer-core, which are not installed: run `npm install --save-dev mermaid puppeteer-core`\n',
    });
    expect(existsSync(join(project, 'map.svg'))).toBe(false);
  });
});

describe('the Mermaid image stack, added with the documented command', () => {
  it('draws a Mermaid SVG once mermaid and puppeteer-core are installed', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const wanted = Object.entries(pkg.peerDependencies as Record<string, string>).map(([name, range]) => `${name}@${range}`);
    expect(wanted.map((w) => w.split('@^')[0])).toEqual(['mermaid', 'puppeteer-core']);
    const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
    execFileSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', '--cache', cache, ...wanted], { cwd: project, stdio: 'pipe', env: cleanEnvironment() });
    expect(existsSync(join(home, '.cache', 'puppeteer'))).toBe(false);
    const result = journey('render', 'map.yaml', '-o', 'stack.svg');
    if ('error' in findBrowser()) {
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^journey: no Chrome, Chromium or Edge browser found/);
    } else {
      expect({ code: result.status, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(readFileSync(join(project, 'stack.svg'), 'utf8')).toMatch(/^<svg /);
    }
  }, 300_000);
});

describe('git set-up of docs/git.md, with journeykit as a devDependency', () => {
  it('shows the semantic outline in git diff and git log -p through npx --no-install', () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { cwd: project, encoding: 'utf8', env: cleanEnvironment() });
    git('init', '-q');
    writeFileSync(join(project, '.gitignore'), 'node_modules\n');
    writeFileSync(join(project, '.gitattributes'), '*.journey.yaml diff=journey\n');
    writeFileSync(join(project, 'b2c.journey.yaml'), MINIMAL_MAP);
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    git('config', 'diff.journey.textconv', 'npx --no-install journey diff --textconv');
    writeFileSync(join(project, 'b2c.journey.yaml'), MINIMAL_MAP.replace(/^title: .*$/m, 'title: Renamed'));
    const diff = git('diff', 'b2c.journey.yaml');
    expect(diff).toMatch(/^\+journey: title: Renamed$/m);
    git('commit', '-q', '-am', 'rename');
    expect(git('log', '-p', '-1', '--format=', 'b2c.journey.yaml')).toMatch(/^\+journey: title: Renamed$/m);
  });
});

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
    expect(JSON.parse(result.stdout)).toEqual(['Minimal', 0, 'https://cdn.jsdelivr.net/npm/journeykit@0/schemas/journey.schema.json']);
    expect(existsSync(join(project, 'node_modules/journeykit/dist/index.d.ts'))).toBe(true);
  });
});
