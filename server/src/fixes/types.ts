/**
 * Quick fixes, as pure data: the language server turns them into LSP code actions, tests apply them
 * to text. A fix reads the finding's structured `data`, never its message.
 */
import type { Finding, ParsedFile, Range } from '../engine/types';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  /** Edits to the file the finding is in. */
  edits: TextEdit[];
  /** New files to create beside it (a `.dockerignore`), absolute paths. Skipped if the file exists. */
  createFiles?: Array<{ path: string; text: string }>;
  /**
   * `newText` uses snippet syntax (`${1:tag}`): editors that support snippet edits put the cursor there,
   * others get the placeholder's default text.
   */
  snippet?: boolean;
  /** The one fix an editor may apply with "auto fix" (the best fix for its finding). */
  isPreferred?: boolean;
  /**
   * `shipshape check --fix` may apply it without asking: the edit is fully determined by the finding (no
   * snippet placeholder, no guessed value such as a version, a variable name or a permission set).
   */
  automatic?: boolean;
}

export interface FixProvider {
  /** The rules whose findings this provider fixes. */
  ruleIds: readonly string[];
  createFixes(finding: Finding, file: ParsedFile): QuickFix[];
}
