import { readFileSync, statSync } from 'node:fs';
import type { Host } from '../engine/types';

/** The engine's window onto the real filesystem, shared by the CLI and the language server. */
export const nodeHost: Host = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists(path) {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  },
};
