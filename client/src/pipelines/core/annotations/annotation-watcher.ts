/**
 * Keeps the CI annotations of each repository's checked-out commit: asked again when the commit
 * changes or a run of that commit changes state (a re-run that passes drops its annotations), and
 * never more often than the runs view polls. Files are read through an injected reader.
 */
import { Emitter } from '../events';
import type { Clock } from '../http';
import type { PipelinesService, RepositoryState } from '../pipelines-service';
import { repositoryPath, toDiagnostics, type FileDiagnostic } from './annotation';

/** A file's text by repository folder and relative path; undefined when it is not in the workspace. */
export type ReadFile = (folder: string, path: string) => Promise<string | undefined>;

export interface RepositoryDiagnostics {
  folder: string;
  diagnostics: FileDiagnostic[];
}

interface Watched {
  sha: string;
  signature: string;
  folder: string;
  diagnostics: FileDiagnostic[];
  busy: boolean;
}

export class AnnotationWatcher {
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watched = new Map<string, Watched>();
  private enabled = true;

  constructor(
    private readonly service: PipelinesService,
    private readonly readFile: ReadFile,
    private readonly clock: Clock,
  ) {}

  all(): RepositoryDiagnostics[] {
    return [...this.watched.values()].map(({ folder, diagnostics }) => ({ folder, diagnostics }));
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled && this.watched.size) {
      this.watched.clear();
      this.changed.fire();
    }
  }

  /** Called after every poll: asks only for the repositories whose commit or runs of it changed. */
  async update(): Promise<void> {
    if (!this.enabled) return;
    const current = new Set<string>();
    const work: Promise<void>[] = [];
    for (const repo of this.service.repositories()) {
      if (!repo.commit) continue;
      current.add(repo.key);
      work.push(this.updateRepository(repo, repo.commit));
    }
    let dropped = false;
    for (const key of [...this.watched.keys()]) if (!current.has(key)) dropped = this.watched.delete(key) || dropped;
    if (dropped) this.changed.fire();
    await Promise.all(work);
  }

  private async updateRepository(repo: RepositoryState, sha: string): Promise<void> {
    const signature = [
      sha,
      ...(repo.branchRuns.value ?? [])
        .filter((run) => run.sha === sha)
        .map((run) => `${run.id}.${run.attempt}:${run.state}`),
    ].join('|');
    const entry = this.watched.get(repo.key);
    if (entry?.busy || entry?.signature === signature) return;
    if ((repo.rateLimitedUntil ?? 0) > this.clock.now()) return;
    const commitChanged = entry?.sha !== sha;
    const watched: Watched = {
      sha,
      signature: commitChanged ? '' : entry!.signature,
      folder: repo.folder,
      diagnostics: commitChanged ? [] : entry!.diagnostics,
      busy: true,
    };
    this.watched.set(repo.key, watched);
    if (commitChanged && entry?.diagnostics.length) this.changed.fire();
    try {
      const provider = await this.service.providerFor(repo);
      const annotations = await provider.annotations(sha);
      const name = repo.placed.path.split('/').pop();
      const texts = new Map<string, string[] | undefined>();
      for (const annotation of annotations) {
        const path = annotation.jobKey ? '.gitlab-ci.yml' : repositoryPath(annotation.path, name);
        if (path && !texts.has(path)) texts.set(path, (await this.readFile(repo.folder, path))?.split(/\r?\n/));
      }
      if (repo.commit !== sha || !this.watched.has(repo.key)) return;
      watched.diagnostics = toDiagnostics(annotations, (path) => texts.get(path), name);
      watched.signature = signature;
      this.changed.fire();
    } catch {
      // Kept as they were; the next poll asks again (the runs view shows what is wrong with the connection).
    } finally {
      watched.busy = false;
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
