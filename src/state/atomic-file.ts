import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/** Writes a file atomically and durably: temp file in the same directory, fsync, rename, fsync of the directory. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
  // The rename is only durable once the directory entry is: without this a power loss can bring
  // back the old file (for single-use tokens, a spent refresh token).
  await syncDir(path.dirname(file));
}

/** fsync of a directory; platforms that cannot open directories (Windows) skip it. */
async function syncDir(dir: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof fs.open>> | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF') throw e;
  } finally {
    await handle?.close();
  }
}

export async function readJsonFile<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Cross-process mutual exclusion with an exclusive lock file (O_EXCL). Stale locks (a crashed
 * holder) are broken after `staleMs`.
 */
export async function withFileLock<T>(file: string, fn: () => Promise<T>, opts: { staleMs?: number; waitMs?: number } = {}): Promise<T> {
  const lock = `${file}.lock`;
  const staleMs = opts.staleMs ?? 30_000;
  const started = Date.now();
  await fs.mkdir(path.dirname(file), { recursive: true });
  for (;;) {
    try {
      const h = await fs.open(lock, 'wx');
      await h.writeFile(String(process.pid));
      await h.close();
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const stat = await fs.stat(lock).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > staleMs) await fs.rm(lock, { force: true });
      else if (Date.now() - started > (opts.waitMs ?? 60_000)) throw new Error(`Timed out waiting for lock ${lock}`);
      else await new Promise((r) => setTimeout(r, 5 + Math.random() * 20));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { force: true });
  }
}
