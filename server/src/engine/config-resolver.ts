import { CONFIG_FILE_NAMES, parseConfig, type LoadedConfig } from './config';
import { HADOLINT_CONFIG_NAMES, parseHadolintConfig } from './hadolint-config';
import { directoryOf, toSlash } from './paths';
import type { Host, RuleLookup } from './types';

/** Whether a file is one whose change alters what applies to other files: a `.shipshape.yaml` or `.hadolint.yaml`. */
export function isConfigFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return [...CONFIG_FILE_NAMES, ...HADOLINT_CONFIG_NAMES].some((name) => name === base);
}

type ConfigParser = (path: string, text: string, registry: RuleLookup) => LoadedConfig;

/** What a config search remembers: per folder, the config that applies there (or none). */
interface ConfigSearch {
  names: readonly string[];
  parse: ConfigParser;
  byDirectory: Map<string, LoadedConfig | undefined>;
}

/**
 * Finds the nearest `.shipshape.yaml` upward from a file, else the nearest `.hadolint.yaml`, and caches
 * the answer for every folder on the way. The server calls `clear()` when a config file changes; the CLI
 * keeps one for a run.
 */
export class ConfigResolver {
  private readonly shipshape: ConfigSearch = { names: CONFIG_FILE_NAMES, parse: parseConfig, byDirectory: new Map() };
  private readonly hadolint: ConfigSearch = {
    names: HADOLINT_CONFIG_NAMES,
    parse: parseHadolintConfig,
    byDirectory: new Map(),
  };

  constructor(
    private readonly host: Host,
    private readonly registry: RuleLookup,
  ) {}

  forFile(filePath: string): LoadedConfig | undefined {
    const directory = directoryOf(toSlash(filePath));
    // A `.hadolint.yaml` is honoured only where no `.shipshape.yaml` applies.
    return this.findUpward(this.shipshape, directory) ?? this.findUpward(this.hadolint, directory);
  }

  clear(): void {
    this.shipshape.byDirectory.clear();
    this.hadolint.byDirectory.clear();
  }

  private findUpward(search: ConfigSearch, directory: string): LoadedConfig | undefined {
    if (search.byDirectory.has(directory)) return search.byDirectory.get(directory);
    let found: LoadedConfig | undefined;
    for (const name of search.names) {
      const candidate = `${directory === '/' ? '' : directory}/${name}`;
      const text = this.host.readFile(candidate);
      if (text !== undefined) {
        found = search.parse(candidate, text, this.registry);
        break;
      }
    }
    const parent = directoryOf(directory);
    if (!found && parent !== directory) found = this.findUpward(search, parent);
    search.byDirectory.set(directory, found);
    return found;
  }
}
