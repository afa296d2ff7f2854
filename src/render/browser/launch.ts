import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';

/**
 * Flags for a quiet, disposable browser: no background traffic, updates, sync or first-run
 * screens, no GPU (diagrams do not need one and servers have none).
 */
export const BROWSER_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

/** Launches in this process, for tests and `JOURNEYKIT_TRACE`. */
export const browserStats = { launches: 0 };

export interface LaunchedBrowser {
  browser: Browser;
  executablePath: string;
  /** The fresh profile directory of this browser, removed when it closes. */
  profileDir: string;
  /** Closes the browser and removes its profile; safe to call more than once. */
  close(): Promise<void>;
  /** Kills the browser and all its processes at once and removes its profile, synchronously (for signal handlers). */
  kill(): void;
}

export interface LaunchOptions {
  /** Print `journey: browser launched …` on stderr (JOURNEYKIT_TRACE=1). */
  trace?: boolean;
}

/**
 * Starts a headless browser with a fresh temporary profile. The sandbox is turned off only when
 * running as root, where Chromium refuses to start with it. Puppeteer's own signal handlers are
 * off: the render command closes the browser itself, and must clean up its files as it does.
 */
export async function launchBrowser(executablePath: string, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const { default: puppeteer } = await import('puppeteer-core');
  const profileDir = mkdtempSync(join(tmpdir(), 'journeykit-browser-'));
  const args = [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...BROWSER_FLAGS];
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      pipe: true,
      userDataDir: profileDir,
      args,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw error;
  }
  browserStats.launches++;
  if (options.trace) process.stderr.write(`journey: browser launched (${executablePath}, profile ${profileDir})\n`);

  let closed = false;
  const kill = () => {
    const pid = browser.process()?.pid;
    if (pid !== undefined) {
      try {
        // The browser runs in its own process group: killing the group takes its helpers too.
        process.kill(process.platform === 'win32' ? pid : -pid, 'SIGKILL');
      } catch {
        try {
          browser.process()?.kill('SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
  };
  return {
    browser,
    executablePath,
    profileDir,
    kill() {
      closed = true;
      kill();
    },
    async close() {
      if (closed) return;
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([browser.close(), new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      } catch {
        // A browser that will not close politely is killed below.
      } finally {
        clearTimeout(timer);
      }
      kill();
      await rm(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      if (options.trace) process.stderr.write('journey: browser closed\n');
    },
  };
}
