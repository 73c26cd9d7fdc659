import { checkFile, INTERNAL_ERROR } from './check';
import { isIgnoredByConfig, type LoadedConfig, type RuleSettings } from './config';
import { ConfigResolver } from './config-resolver';
import { observedHost, observedWorkspace, type ReadObserver } from './read-observer';
import type { RuleRegistry } from './registry';
import type { Finding, Host, ParsedFile } from './types';
import { Workspace } from './workspace';

/** What `onRule` hears while the file is read and parsed, before any rule runs. */
export const PARSING = 'parse';

export interface LintResult {
  /** Undefined when the file is not a kind Shipshape checks. */
  file?: ParsedFile;
  findings: Finding[];
  config?: LoadedConfig;
  /** True when an `ignore` glob of the config file excludes it. */
  ignored: boolean;
}

/**
 * The one entry point both front ends use: a workspace of texts, the config files found on the host,
 * and the rule registry. The server adds the editor's settings as the top layer.
 */
export class Linter {
  readonly workspace = new Workspace();
  readonly configs: ConfigResolver;
  /** False while the server reads the workspace folders in the background: cross-file rules wait for it. */
  workspaceIndexed = true;

  constructor(
    readonly registry: RuleRegistry,
    readonly host: Host,
  ) {
    this.configs = new ConfigResolver(host, registry);
  }

  /**
   * `onRule` hears each rule's id before it runs (after parsing, which it hears as `parse`), for the
   * server's time budget; `observer` learns what the rules read besides the file itself (for the CLI's
   * cache of results).
   */
  lint(
    path: string,
    editorSettings?: RuleSettings,
    { onRule, observer }: { onRule?: (ruleId: string) => void; observer?: ReadObserver } = {},
  ): LintResult {
    const config = this.configs.forFile(path);
    if (isIgnoredByConfig(config, path)) return { findings: [], config, ignored: true };
    let file: ParsedFile | undefined;
    this.workspace.checking(path);
    try {
      onRule?.(PARSING);
      file = this.workspace.parsed(path);
    } catch (error) {
      // Parsers are meant to report problems, not throw; if one does, say so instead of failing the run.
      const reason = error instanceof Error ? error.message : String(error);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return {
        findings: [
          {
            file: path,
            ruleId: INTERNAL_ERROR,
            severity: 'error',
            range,
            message: `Parsing this file failed: ${reason}. Please report this.`,
          },
        ],
        config,
        ignored: false,
      };
    }
    if (!file) return { findings: [], config, ignored: false };
    const findings = checkFile(file, {
      registry: this.registry,
      host: observer ? observedHost(this.host, observer) : this.host,
      workspace: observer ? observedWorkspace(this.workspace, observer) : this.workspace,
      settings: [config?.rules, editorSettings],
      onRule,
      skipWorkspaceRules: !this.workspaceIndexed,
    });
    return { file, findings, config, ignored: false };
  }
}
