/**
 * Finding Chromium for browser tests: CHROME_PATH, else the usual Debian/Ubuntu paths.
 * Tests never skip silently when it is missing: they fail and say how to install it.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function chromiumPath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CHROME_PATH=${fromEnv} does not exist. Install Chromium: sudo apt-get install -y chromium`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `Chromium not found (looked in ${CANDIDATES.join(', ')}). Install it with: sudo apt-get install -y chromium, or set CHROME_PATH.`,
    );
  }
  return found;
}

/** Flags that work as root in a container with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
