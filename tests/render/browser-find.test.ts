import { describe, expect, it } from 'vitest';
import { findBrowser, systemCandidates } from '../../src/render/browser/find.js';

const only = (...paths: string[]) => (p: string) => paths.includes(p);

describe('findBrowser', () => {
  it('takes --browser-path first, then JOURNEYKIT_BROWSER, then PUPPETEER_EXECUTABLE_PATH', () => {
    const env = { JOURNEYKIT_BROWSER: '/b', PUPPETEER_EXECUTABLE_PATH: '/c', PATH: '/usr/bin' };
    const isExecutable = only('/a', '/b', '/c', '/usr/bin/chromium');
    expect(findBrowser({ explicit: '/a', env, platform: 'linux', isExecutable })).toEqual({ path: '/a', source: '--browser-path' });
    expect(findBrowser({ env, platform: 'linux', isExecutable })).toEqual({ path: '/b', source: 'JOURNEYKIT_BROWSER' });
    expect(findBrowser({ env: { ...env, JOURNEYKIT_BROWSER: '' }, platform: 'linux', isExecutable })).toEqual({ path: '/c', source: 'PUPPETEER_EXECUTABLE_PATH' });
  });

  it('refuses a wrong explicit path instead of silently using another browser', () => {
    expect(findBrowser({ explicit: '/nope', env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable: only('/usr/bin/chromium') })).toEqual({
      error: 'no browser at /nope (from --browser-path): give the path of a Chrome, Chromium or Edge executable',
    });
    expect(findBrowser({ env: { JOURNEYKIT_BROWSER: '/x' }, platform: 'linux', isExecutable: only('/usr/bin/chromium') })).toEqual({
      error: 'no browser at /x (from JOURNEYKIT_BROWSER): give the path of a Chrome, Chromium or Edge executable',
    });
  });

  it('looks on PATH, then in the usual Linux places', () => {
    expect(findBrowser({ env: { PATH: '/opt/bin:/usr/local/bin' }, platform: 'linux', isExecutable: only('/usr/local/bin/google-chrome') })).toEqual({
      path: '/usr/local/bin/google-chrome',
      source: 'system',
    });
    expect(findBrowser({ env: {}, platform: 'linux', isExecutable: only('/snap/bin/chromium') })).toEqual({ path: '/snap/bin/chromium', source: 'system' });
  });

  it('knows the macOS applications and the Windows install folders', () => {
    expect(systemCandidates('darwin', { HOME: '/Users/me' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(systemCandidates('darwin', { HOME: '/Users/me' })).toContain('/Users/me/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    const windows = systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(windows).toContain('C:\\Users\\me\\AppData\\Local\\Chromium\\Application\\chrome.exe');
  });

  it('explains how to get a browser when there is none', () => {
    expect(findBrowser({ env: {}, platform: 'linux', isExecutable: () => false })).toEqual({
      error: 'no Chrome, Chromium or Edge browser found: install one (for example `apt install chromium`) or give its path with --browser-path or JOURNEYKIT_BROWSER',
    });
    expect(findBrowser({ env: {}, platform: 'darwin', isExecutable: () => false })).toEqual({
      error: 'no Chrome, Chromium or Edge browser found: install one (for example `brew install --cask google-chrome`) or give its path with --browser-path or JOURNEYKIT_BROWSER',
    });
  });

  it('checks real files: a directory or a missing file is no browser', () => {
    expect(findBrowser({ explicit: '/tmp', env: {} })).toHaveProperty('error');
    expect(findBrowser({ explicit: '/definitely/not/here', env: {} })).toHaveProperty('error');
    expect(findBrowser({ explicit: process.execPath, env: {} })).toEqual({ path: process.execPath, source: '--browser-path' });
  });
});
