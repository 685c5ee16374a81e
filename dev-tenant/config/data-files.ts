// Files in the tenant's data dir (git-ignored): readable by their owner only, and always published
// whole (written to a temp file first), so a crash or a concurrent start never leaves half a file.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/** Writes text to a fresh temp file beside <dataDir>/<fileName> and returns its path, to link or rename into place. */
export async function writeTempFile(dataDir: string, fileName: string, text: string): Promise<string> {
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temp = path.join(dataDir, `.${fileName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(temp, text, { mode: 0o600, flag: 'wx' });
  return temp;
}

/**
 * Publishes text as <dataDir>/<fileName> unless that file exists: false when it does (a tenant started
 * at the same time on this data dir won). link, not rename: complete at once, and never overwriting.
 */
export async function createFileOnce(dataDir: string, fileName: string, text: string): Promise<boolean> {
  const temp = await writeTempFile(dataDir, fileName, text);
  try {
    await fs.link(temp, path.join(dataDir, fileName));
    return true;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Replaces <dataDir>/<fileName> atomically (temp file + rename). */
export async function replaceFile(dataDir: string, fileName: string, text: string): Promise<void> {
  const temp = await writeTempFile(dataDir, fileName, text);
  try {
    await fs.rename(temp, path.join(dataDir, fileName));
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readOptionalFile(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
}

// Duck-typed, not instanceof Error: errors from another realm (e.g. under jest) fail instanceof.
export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
