/**
 * Reading the pipeline settings. The three that decide where requests (and so tokens) go are
 * machine-scoped in package.json; on top of that, only the user's own values are read here, so a
 * repository's `.vscode/settings.json` can never redirect a token to another server.
 */
import type { NotifySetting } from './completion-tracker';
import type { ProviderKind } from './model';
import { DEFAULT_HEALTH_WINDOW, type ServiceSettings } from './pipelines-service';
import { DEFAULT_HOST_SETTINGS } from './remotes';

/** The shape of VS Code's `WorkspaceConfiguration.inspect()` answer, without importing `vscode`. */
export interface Inspected<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type Inspect = <T>(key: string) => Inspected<T> | undefined;

/** The settings whose values must come from the user, never from a workspace. */
export const USER_ONLY_SETTINGS = ['pipelines.github.apiUrl', 'pipelines.gitlab.url', 'pipelines.enterpriseHosts'];

function userValue<T>(inspect: Inspect, key: string, fallback: T): T {
  const inspected = inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
}

function anyValue<T>(inspect: Inspect, key: string, fallback: T): T {
  const inspected = inspect<T>(key);
  return (
    inspected?.workspaceFolderValue ??
    inspected?.workspaceValue ??
    inspected?.globalValue ??
    inspected?.defaultValue ??
    fallback
  );
}

export function readServiceSettings(inspect: Inspect): ServiceSettings {
  const hosts = userValue<Record<string, string>>(inspect, 'pipelines.enterpriseHosts', {});
  const enterpriseHosts: Record<string, ProviderKind> = {};
  for (const [host, provider] of Object.entries(hosts ?? {}))
    if (provider === 'github' || provider === 'gitlab') enterpriseHosts[host.toLowerCase()] = provider;
  const runs = Number(anyValue(inspect, 'pipelines.runsPerWorkflow', 10));
  const notify = anyValue<string>(inspect, 'pipelines.notify', 'failures');
  const healthWindow = Number(anyValue(inspect, 'pipelines.healthWindow', DEFAULT_HEALTH_WINDOW));
  return {
    hosts: {
      githubApiUrl: userValue(inspect, 'pipelines.github.apiUrl', DEFAULT_HOST_SETTINGS.githubApiUrl),
      gitlabUrl: userValue(inspect, 'pipelines.gitlab.url', DEFAULT_HOST_SETTINGS.gitlabUrl),
      enterpriseHosts,
    },
    runsPerWorkflow: Number.isInteger(runs) ? Math.min(100, Math.max(1, runs)) : 10,
    healthWindow: Number.isInteger(healthWindow) ? Math.min(100, Math.max(1, healthWindow)) : DEFAULT_HEALTH_WINDOW,
    notify: (['all', 'failures', 'off'].includes(notify) ? notify : 'failures') as NotifySetting,
  };
}
