import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where a browser path came from, for messages that tell the user what to fix. */
export type BrowserSource = '--browser-path' | 'JOURNEYKIT_BROWSER' | 'PUPPETEER_EXECUTABLE_PATH' | 'system';

export type FindResult = { path: string; source: BrowserSource } | { error: string };

export interface FindOptions {
  /** The `--browser-path` flag. */
  explicit?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** Whether a path is an executable file; replaceable so tests can describe any machine. */
  isExecutable?: (path: string) => boolean;
}

/** Commands looked up on PATH on Linux and other Unix systems, most specific first. */
const UNIX_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

const LINUX_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/usr/bin/microsoft-edge',
  '/opt/microsoft/msedge/msedge',
];

const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
];

const WINDOWS_SUFFIXES = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];

export const INSTALL_HINT: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'apt install chromium',
  darwin: 'brew install --cask google-chrome',
  win32: 'winget install Google.Chrome',
};

/**
 * Finds a Chrome, Chromium or Edge already installed; journeykit never downloads one. An explicit
 * choice (`--browser-path`, then `JOURNEYKIT_BROWSER`, then `PUPPETEER_EXECUTABLE_PATH`) must
 * name an executable: a wrong one is an error, not a reason to pick another browser silently.
 * Without one, the usual commands and install paths of the platform are tried in order.
 */
export function findBrowser(options: FindOptions = {}): FindResult {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isExecutable = options.isExecutable ?? defaultIsExecutable;
  const explicit: Array<[string | undefined, BrowserSource]> = [
    [options.explicit, '--browser-path'],
    [env.JOURNEYKIT_BROWSER, 'JOURNEYKIT_BROWSER'],
    [env.PUPPETEER_EXECUTABLE_PATH, 'PUPPETEER_EXECUTABLE_PATH'],
  ];
  for (const [path, source] of explicit) {
    if (path === undefined || path === '') continue;
    if (isExecutable(path)) return { path, source };
    return { error: `no browser at ${path} (from ${source}): give the path of a Chrome, Chromium or Edge executable` };
  }
  for (const path of systemCandidates(platform, env)) {
    if (isExecutable(path)) return { path, source: 'system' };
  }
  const hint = INSTALL_HINT[platform];
  return {
    error: `no Chrome, Chromium or Edge browser found: install one${hint ? ` (for example \`${hint}\`)` : ''} or give its path with --browser-path or JOURNEYKIT_BROWSER`,
  };
}

/** Every place a browser is usually installed on this platform, in the order they are tried. */
export function systemCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramW6432].filter((r): r is string => Boolean(r));
    return WINDOWS_SUFFIXES.flatMap((suffix) => roots.map((root) => `${root.replace(/\\+$/, '')}\\${suffix}`));
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => UNIX_COMMANDS.map((command) => join(dir, command)));
  if (platform === 'darwin') {
    const homes = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return [...MAC_APPS.flatMap((app) => homes.map((home) => join(home, app))), ...onPath];
  }
  return [...onPath, ...LINUX_PATHS];
}

function defaultIsExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
