import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `嵌入式数据库目录 ${dataDir} 正被进程 ${pid} 使用，请先停止该进程。` +
        ` / The embedded database in ${dataDir} is in use by process ${pid}; stop it first.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Two processes writing one PGlite folder would corrupt it, so the folder is locked by pid. */
export function acquireDataDirLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'reform.lock');
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder !== process.pid && Number.isInteger(holder) && isAlive(holder)) {
      throw new DataDirLockedError(dataDir, holder);
    }
    writeFileSync(lockFile, String(process.pid));
  }
  return () => rmSync(lockFile, { force: true });
}
