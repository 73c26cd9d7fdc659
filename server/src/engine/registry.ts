import type { AnyRule, CheckingRule, FileKind } from './types';

/** Look-ups over the one list of rules in `rules/index.ts`. */
export class RuleRegistry {
  readonly all: readonly AnyRule[];
  private readonly byId = new Map<string, AnyRule>();
  private readonly byAlias = new Map<string, AnyRule[]>();
  private readonly byKind = new Map<FileKind, CheckingRule[]>();

  constructor(rules: readonly AnyRule[]) {
    this.all = [...rules].sort((a, b) => a.id.localeCompare(b.id));
    for (const rule of this.all) {
      if (this.byId.has(rule.id)) throw new Error(`Duplicate rule id ${rule.id}`);
      this.byId.set(rule.id, rule);
      for (const alias of rule.aliases) {
        const key = alias.toLowerCase();
        this.byAlias.set(key, [...(this.byAlias.get(key) ?? []), rule]);
      }
      if (rule.kind !== 'any')
        this.byKind.set(rule.kind, [...(this.byKind.get(rule.kind) ?? []), rule as CheckingRule]);
    }
  }

  get(id: string): AnyRule | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  forKind(kind: FileKind): readonly CheckingRule[] {
    return this.byKind.get(kind) ?? [];
  }

  /** Rules a foreign tool's check name stands for, e.g. (`hadolint`, `DL3007`). Case-insensitive. */
  byToolAlias(tool: string, check: string): readonly AnyRule[] {
    return this.byAlias.get(`${tool}:${check}`.toLowerCase()) ?? [];
  }

  /** The closest known rule id, for "did you mean" messages. */
  suggest(id: string): string | undefined {
    return closest(id, [...this.byId.keys()]);
  }
}

/** The candidate with the smallest edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= limit ? best : undefined;
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
