/**
 * The loader's only contact with the disk: every content file, folder and link it looks at is
 * looked at through these functions. The stages (registries, year, items, records) decide what
 * to read and what a problem means; this module only reads.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function exists(abs: string): boolean {
  return existsSync(abs);
}

export function isDirectory(abs: string): boolean {
  return existsSync(abs) && statSync(abs).isDirectory();
}

/** Whether `abs` is itself a symbolic link (never followed). */
export function isSymlink(abs: string): boolean {
  try {
    return lstatSync(abs).isSymbolicLink();
  } catch {
    return false;
  }
}

export function readBytes(abs: string): Uint8Array {
  return readFileSync(abs);
}

export function readText(abs: string): string {
  return readFileSync(abs, 'utf8');
}

/** Names of the entries of a folder, sorted. */
export function entryNames(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** Names of the real folders (not links to folders) directly in `dir`, in the order the system lists them. */
export function folderNames(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

/** Every symbolic link under `root` (not inside .git or node_modules), depth first in listing order. */
export function symlinksUnder(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isSymbolicLink()) found.push(abs);
      else if (e.isDirectory() && e.name !== '.git' && e.name !== 'node_modules') walk(abs);
    }
  };
  walk(root);
  return found;
}
