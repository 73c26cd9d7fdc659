/**
 * The whole-view states the Pipelines view explains with a welcome message (package.json
 * `viewsWelcome`, context key `shipshape.pipelines.state`) instead of a tree.
 */
import type { PipelinesService } from './pipelines-service';

export type ViewState = 'loading' | 'noRemote' | 'unknownHost' | 'signedOut' | 'unreachable' | 'ok';

/** Which welcome the view shows when it has nothing to list (see viewsWelcome in package.json). */
export function viewState(service: PipelinesService, discovered: boolean): ViewState {
  const repos = service.repositories();
  if (!repos.length) {
    if (service.unknownRemotes().length) return 'unknownHost';
    return discovered ? 'noRemote' : 'loading';
  }
  const errors = repos.map((repo) => (repo.branchRuns.value ? undefined : (repo.branchRuns.error ?? repo.pollError)));
  if (errors.some((error) => !error)) return 'ok';
  if (errors.every((error) => error?.kind === 'offline' || error?.kind === 'timeout')) return 'unreachable';
  const signedOut = repos.every(
    (repo, index) =>
      !repo.provider?.authenticated && (errors[index]?.kind === 'unauthorized' || errors[index]?.kind === 'not-found'),
  );
  return signedOut ? 'signedOut' : 'ok';
}
