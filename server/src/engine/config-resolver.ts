import { CONFIG_FILE_NAMES, parseConfig, type LoadedConfig } from './config';
import { findHadolintConfig } from './hadolint-config';
import type { RuleRegistry } from './registry';
import type { Host } from './types';

/**
 * Finds the nearest `.shipshape.yaml` upward from a file and caches the parse per folder.
 * The server calls `clear()` when a config file changes; the CLI keeps one for a run.
 */
export class ConfigResolver {
  private readonly byDirectory = new Map<string, LoadedConfig | undefined>();

  constructor(
    private readonly host: Host,
    private readonly registry: RuleRegistry,
    /** Folders above which we stop looking (workspace roots); the filesystem root when empty. */
    private readonly roots: readonly string[] = [],
  ) {}

  forFile(filePath: string): LoadedConfig | undefined {
    const directory = parentOf(filePath.replace(/\\/g, '/'));
    // A `.hadolint.yaml` is honoured only where no `.shipshape.yaml` applies.
    return this.forDirectory(directory) ?? this.hadolintFor(directory);
  }

  clear(): void {
    this.byDirectory.clear();
    this.hadolintByDirectory.clear();
  }

  private readonly hadolintByDirectory = new Map<string, LoadedConfig | undefined>();

  private hadolintFor(directory: string): LoadedConfig | undefined {
    if (!this.hadolintByDirectory.has(directory)) {
      this.hadolintByDirectory.set(directory, findHadolintConfig(this.host, this.registry, directory, this.roots));
    }
    return this.hadolintByDirectory.get(directory);
  }

  private forDirectory(directory: string): LoadedConfig | undefined {
    if (this.byDirectory.has(directory)) return this.byDirectory.get(directory);
    let found: LoadedConfig | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = `${directory === '/' ? '' : directory}/${name}`;
      const text = this.host.readFile(candidate);
      if (text !== undefined) {
        found = parseConfig(candidate, text, this.registry);
        break;
      }
    }
    const parent = parentOf(directory);
    if (!found && parent !== directory && !this.roots.includes(directory)) found = this.forDirectory(parent);
    this.byDirectory.set(directory, found);
    return found;
  }
}

function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  if (index <= 0) return '/';
  return path.slice(0, index);
}
