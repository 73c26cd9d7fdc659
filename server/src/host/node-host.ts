import { readFileSync, statSync } from 'node:fs';
import type { Host } from '../engine/types';

/**
 * The engine's window onto the real filesystem, shared by the CLI and the language server. Most questions
 * are about files that are not there (config files looked for in every folder, build contexts): those are
 * answered without an exception, which costs far more than the system call.
 */
export const nodeHost: Host = {
  readFile(path) {
    try {
      const stats = statSync(path, { throwIfNoEntry: false });
      return stats && !stats.isDirectory() ? readFileSync(path, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  },
  exists(path) {
    try {
      return statSync(path, { throwIfNoEntry: false }) !== undefined;
    } catch {
      return false;
    }
  },
};
