/**
 * Astro's anonymous usage telemetry is off wherever CI builds the site: every GitHub workflow
 * sets ASTRO_TELEMETRY_DISABLED=1 for all its jobs (top-level env), as do the GitLab pipeline
 * (top-level variables) and .ci/run (exported before the first npm command).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKFLOWS = path.join(ROOT, '.github/workflows');

function load(file: string): Record<string, unknown> {
  return yaml.load(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('Astro telemetry in CI', () => {
  const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f));

  it('finds the workflows', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('.github/workflows/%s sets ASTRO_TELEMETRY_DISABLED=1 for every job', (file) => {
    const env = (load(path.join(WORKFLOWS, file)).env ?? {}) as Record<string, unknown>;
    expect(String(env.ASTRO_TELEMETRY_DISABLED)).toBe('1');
  });

  it('.gitlab-ci.yml sets it in its global variables', () => {
    const variables = (load(path.join(ROOT, '.gitlab-ci.yml')).variables ?? {}) as Record<string, unknown>;
    expect(String(variables.ASTRO_TELEMETRY_DISABLED)).toBe('1');
  });

  it('.ci/run exports it before its first npm command', () => {
    const lines = readFileSync(path.join(ROOT, '.ci/run'), 'utf8').split('\n');
    const exported = lines.findIndex((l) => /^export ASTRO_TELEMETRY_DISABLED=1\s*$/.test(l));
    const firstNpm = lines.findIndex((l) => /^npm /.test(l));
    expect(exported).toBeGreaterThanOrEqual(0);
    expect(exported).toBeLessThan(firstNpm);
  });
});
