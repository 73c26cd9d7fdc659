import { closest } from './text';
import type {
  AnyRule,
  CheckingRule,
  FileKind,
  ParsedFile,
  PartialFileTest,
  RuleFamily,
  RuleLookup,
  WorkspaceView,
} from './types';

/** Look-ups over the one list of rules in `rules/index.ts`. */
export class RuleRegistry implements RuleLookup {
  readonly all: readonly AnyRule[];
  private readonly byId = new Map<string, AnyRule>();
  private readonly byAlias = new Map<string, AnyRule[]>();
  private readonly byKind = new Map<FileKind, CheckingRule[]>();

  constructor(
    rules: readonly AnyRule[],
    private readonly partialFileTests: Partial<Record<FileKind, PartialFileTest>> = {},
    /** Rules known by pattern rather than listed (not in `all`): found by `get` and `byToolAlias`. */
    private readonly families: readonly RuleFamily[] = [],
  ) {
    // By code unit, not localeCompare: the same order for ids of [a-z0-9/-] (a registry test holds it),
    // without loading ICU's collator at start-up (tens of ms of every `shipshape check`, issue 16).
    this.all = [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const rule of this.all) {
      if (this.byId.has(rule.id)) throw new Error(`Duplicate rule id ${rule.id}`);
      this.byId.set(rule.id, rule);
      for (const alias of rule.aliases) {
        const key = alias.toLowerCase();
        this.byAlias.set(key, [...(this.byAlias.get(key) ?? []), rule]);
      }
      // Only rules with a check of their own run per kind; the others are reported by the engine or the host.
      if ('check' in rule) this.byKind.set(rule.kind, [...(this.byKind.get(rule.kind) ?? []), rule as CheckingRule]);
    }
  }

  get(id: string): AnyRule | undefined {
    return this.byId.get(id) ?? this.families.map((family) => family.get(id)).find((rule) => rule !== undefined);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forKind(kind: FileKind): readonly CheckingRule[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Rules a foreign tool's check name stands for, e.g. (`hadolint`, `DL3007`). Case-insensitive. */
  byToolAlias(tool: string, check: string): readonly AnyRule[] {
    const listed = this.byAlias.get(`${tool}:${check}`.toLowerCase()) ?? [];
    const made = this.families.map((family) => family.byToolAlias(tool, check)).filter((rule) => rule !== undefined);
    return made.length > 0 ? [...listed, ...made] : listed;
  }

  isPartial(file: ParsedFile, workspace: WorkspaceView): boolean {
    return this.partialFileTests[file.kind]?.(file, workspace) ?? false;
  }

  /** The closest known rule id, for "did you mean" messages. */
  suggest(id: string): string | undefined {
    return closest(id, [...this.byId.keys()]);
  }
}
