/**
 * A language server's workspace in a test: files come, change and go between checks of the same file,
 * on the disk (the host) and in the workspace alike.
 */
import { Linter } from '../../server/src/engine/linter';
import type { Host } from '../../server/src/engine/types';
import { registry } from '../../server/src/rules';

export interface EditedWorkspace {
  set(path: string, text: string): void;
  delete(path: string): void;
  /** The messages of one rule's findings on a file, checked now. */
  findings(path: string, ruleId: string): string[];
}

export function editedWorkspace(): EditedWorkspace {
  const files: Record<string, string> = {};
  const host: Host = { readFile: (path) => files[path], exists: (path) => path in files };
  const linter = new Linter(registry, host);
  return {
    set(path, text) {
      files[path] = text;
      linter.workspace.set(path, text);
    },
    delete(path) {
      delete files[path];
      linter.workspace.delete(path);
    },
    findings(path, ruleId) {
      return linter
        .lint(path)
        .findings.filter((finding) => finding.ruleId === ruleId)
        .map((finding) => finding.message);
    },
  };
}
