import type { Connection } from 'vscode-languageserver';
import { readRuleSettings, type RuleSettings } from '../engine/config';
import type { RuleRegistry } from '../engine/registry';
import type { CheckerId } from '../rules/shared/scripts/checker';

/** `shipshape.<checker>.enabled` (on by default: it runs when the program is found) and `.path`. */
export interface ProgramSetting {
  enabled: boolean;
  path?: string;
}

/** The `shipshape` section of the editor's settings, as the server uses it. */
export type EditorSettings = { rules: RuleSettings } & Record<CheckerId, ProgramSetting>;

const DEFAULTS: EditorSettings = { rules: {}, shellcheck: { enabled: true }, pyflakes: { enabled: true } };

/**
 * Settings pulled per document with `workspace/configuration` (scopeUri = the document), so a
 * folder's settings apply to its files. One request per document, cached until the settings change
 * or the document closes. Clients without `workspace/configuration` get defaults (plus .shipshape.yaml).
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<EditorSettings>>();
  private readonly reported = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly registry: RuleRegistry,
    private readonly supported: boolean,
  ) {}

  forDocument(uri: string): Promise<EditorSettings> {
    if (!this.supported) return Promise.resolve(DEFAULTS);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'shipshape' }).then(
        (raw: unknown) => this.read(raw),
        (error: unknown) => {
          this.connection.console.warn(`Could not read settings for ${uri}: ${String(error)}`);
          return DEFAULTS;
        },
      );
      this.cache.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
    this.reported.clear();
  }

  private read(raw: unknown): EditorSettings {
    const rules = typeof raw === 'object' && raw !== null ? (raw as { rules?: unknown }).rules : undefined;
    const { settings, problems } = readRuleSettings(rules ?? {}, this.registry);
    for (const problem of problems) {
      // Settings come without positions: say it once in the output channel rather than on every pull.
      if (this.reported.has(problem.message)) continue;
      this.reported.add(problem.message);
      this.connection.console.warn(`Setting shipshape.rules: ${problem.message}`);
    }
    return { rules: settings, shellcheck: readProgram(raw, 'shellcheck'), pyflakes: readProgram(raw, 'pyflakes') };
  }
}

function readProgram(raw: unknown, checker: CheckerId): ProgramSetting {
  const section = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[checker] : undefined;
  const values = typeof section === 'object' && section !== null ? (section as Record<string, unknown>) : {};
  const path = typeof values.path === 'string' && values.path.trim() !== '' ? values.path.trim() : undefined;
  return { enabled: values.enabled !== false, path };
}
