/**
 * Git remotes to CI repositories: URL parsing (https, ssh, scp-like, git://, ports, `.git`
 * suffixes, GitLab subgroups) and placing a host on a provider. A remote on a host we cannot place
 * is returned as such, so the view can show it with a hint instead of dropping it.
 */
import type { ProviderKind } from './model';

export interface ParsedRemote {
  /** Lower-case host name, without port. */
  host: string;
  /** Port when the URL names one (`ssh://git@host:2222/…`, `https://host:8443/…`). */
  port?: number;
  /** Repository path without leading slash and `.git`: `owner/repo`, `group/sub/project`. */
  path: string;
}

const SCP_LIKE = /^(?:[^@/\s]+@)?(\[[^\]]+\]|[^:/\s]+):(?!\/\/)(.+)$/;

/** Parse a remote URL as git accepts it; undefined for local paths and unreadable input. */
export function parseRemoteUrl(url: string): ParsedRemote | undefined {
  const text = url.trim();
  if (!text) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text.replace(/^git\+ssh:/i, 'ssh:').replace(/^ssh\+git:/i, 'ssh:'));
    } catch {
      return undefined;
    }
    if (!['http:', 'https:', 'ssh:', 'git:'].includes(parsed.protocol) || !parsed.hostname) return undefined;
    return withPath(
      parsed.hostname,
      parsed.port ? Number(parsed.port) : undefined,
      decodeURIComponent(parsed.pathname),
    );
  }
  // scp-like syntax: [user@]host:path — git treats it so only when no slash comes before the colon.
  const scp = SCP_LIKE.exec(text);
  if (scp && !/^[a-z]:\\/i.test(text)) return withPath(scp[1]!.replace(/^\[|\]$/g, ''), undefined, scp[2]!);
  return undefined;
}

function withPath(host: string, port: number | undefined, rawPath: string): ParsedRemote | undefined {
  // GitLab serves `~user` paths for ssh, and some remotes end in `/` or `.git/`.
  const path = rawPath
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\/+$/, '');
  if (!path || !path.includes('/')) return undefined;
  return { host: host.toLowerCase(), ...(port !== undefined ? { port } : {}), path };
}

export interface HostSettings {
  /** `https://api.github.com`, or a GHES API root such as `https://ghe.example.com/api/v3`. */
  githubApiUrl: string;
  /** `https://gitlab.com`, or a self-managed GitLab. */
  gitlabUrl: string;
  /** Extra host names (lower case) and their provider. */
  enterpriseHosts: Record<string, ProviderKind>;
}

export const DEFAULT_HOST_SETTINGS: HostSettings = {
  githubApiUrl: 'https://api.github.com',
  gitlabUrl: 'https://gitlab.com',
  enterpriseHosts: {},
};

export interface PlacedRepository {
  provider: ProviderKind;
  /** API root: GitHub REST base URL, or the GitLab instance URL (gitbeaker adds `/api/v4`). */
  apiUrl: string;
  /** Web page of the repository. */
  webUrl: string;
  /** `owner/repo` on GitHub, the full project path on GitLab. */
  path: string;
  owner: string;
  name: string;
  host: string;
}

export interface UnplacedRemote {
  provider: 'unknown';
  host: string;
  path: string;
  reason: string;
}

function authority(url: URL): string {
  return url.port ? `${url.hostname.toLowerCase()}:${url.port}` : url.hostname.toLowerCase();
}

function safeUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function trimSlash(text: string): string {
  return text.replace(/\/+$/, '');
}

/** The GitHub web root for an API root: api.github.com → github.com, GHES /api/v3 → the host. */
export function githubWebRoot(apiUrl: string): string {
  const url = safeUrl(apiUrl);
  if (!url) return trimSlash(apiUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  if (/^api\.[^.]+\.ghe\.com$/i.test(url.hostname)) return `${url.protocol}//${url.hostname.slice(4)}`;
  return trimSlash(`${url.protocol}//${authority(url)}${url.pathname.replace(/\/api\/v3\/?$/, '')}`);
}

/**
 * Which provider and API serve a remote. Order: the configured GitHub API and GitLab URL (matched
 * on host and port first, so one machine can serve both on two ports), the public hosts, GHE.com
 * (`*.ghe.com`), then the user's `enterpriseHosts`.
 */
export function placeRemote(remote: ParsedRemote, settings: HostSettings): PlacedRepository | UnplacedRemote {
  const host = remote.host;
  const withPort = remote.port !== undefined ? `${host}:${remote.port}` : host;
  const github = safeUrl(settings.githubApiUrl);
  const gitlab = safeUrl(settings.gitlabUrl);
  const githubWeb = safeUrl(githubWebRoot(settings.githubApiUrl));
  // A GitLab under a relative URL root (`https://example.com/gitlab`) has that root in its remotes' paths.
  const gitlabRoot = gitlab ? gitlab.pathname.replace(/^\/+|\/+$/g, '') : '';
  const underGitlabRoot = !gitlabRoot || remote.path.startsWith(`${gitlabRoot}/`);
  const candidates: [ProviderKind, string, string][] = [];
  // Exact host:port first, then host only: ssh remotes carry no HTTP port.
  for (const exact of [true, false]) {
    const matches = (url: URL | undefined) =>
      url !== undefined && (exact ? authority(url) === withPort : url.hostname.toLowerCase() === host);
    if (matches(gitlab) && underGitlabRoot && gitlabRoot) candidates.push(['gitlab', settings.gitlabUrl, gitlabRoot]);
    if (matches(github) || matches(githubWeb)) candidates.push(['github', settings.githubApiUrl, '']);
    if (matches(gitlab) && underGitlabRoot && !gitlabRoot) candidates.push(['gitlab', settings.gitlabUrl, '']);
    if (candidates.length) break;
  }
  if (!candidates.length) {
    if (host === 'github.com') candidates.push(['github', 'https://api.github.com', '']);
    else if (host === 'gitlab.com') candidates.push(['gitlab', 'https://gitlab.com', '']);
    else if (/^[a-z0-9-]+\.ghe\.com$/.test(host)) candidates.push(['github', `https://api.${host}`, '']);
    else if (/^ssh\.[a-z0-9-]+\.ghe\.com$/.test(host)) candidates.push(['github', `https://api.${host.slice(4)}`, '']);
    else {
      const kind = settings.enterpriseHosts[host];
      if (kind === 'github') candidates.push(['github', `https://${host}/api/v3`, '']);
      if (kind === 'gitlab') candidates.push(['gitlab', `https://${host}`, '']);
    }
  }
  const [placed] = candidates;
  if (!placed)
    return {
      provider: 'unknown',
      host,
      path: remote.path,
      reason: `${host} is neither GitHub nor GitLab as configured: add it to shipshape.pipelines.enterpriseHosts, or set shipshape.pipelines.github.apiUrl / shipshape.pipelines.gitlab.url.`,
    };
  const [provider, apiUrl, root] = placed;
  const path = root ? remote.path.slice(root.length + 1) : remote.path;
  const segments = path.split('/');
  if (provider === 'github' && segments.length !== 2)
    return { provider: 'unknown', host, path, reason: `${path} is not an owner/repository path.` };
  const webRoot = provider === 'github' ? githubWebRoot(apiUrl) : trimSlash(apiUrl);
  return {
    provider,
    apiUrl: trimSlash(apiUrl),
    webUrl: `${webRoot}/${path}`,
    path,
    owner: segments.slice(0, -1).join('/'),
    name: segments.at(-1)!,
    host,
  };
}

/** The `[remote "name"] url = …` entries of a `.git/config` file (git's INI dialect, simplified). */
export function remotesFromGitConfig(text: string): { name: string; url: string }[] {
  const remotes: { name: string; url: string }[] = [];
  let current: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[\s*remote\s+"((?:[^"\\]|\\.)*)"\s*\]/i.exec(line);
    if (section) {
      current = section[1]!.replace(/\\(.)/g, '$1');
      continue;
    }
    if (line.startsWith('[')) {
      current = undefined;
      continue;
    }
    const entry = /^url\s*=\s*(.*?)\s*$/i.exec(line);
    if (current !== undefined && entry) remotes.push({ name: current, url: entry[1]!.replace(/^"(.*)"$/, '$1') });
  }
  return remotes;
}

/** The branch `.git/HEAD` points at, undefined on a detached HEAD. */
export function branchFromHead(text: string): string | undefined {
  return /^ref:\s*refs\/heads\/(.+?)\s*$/m.exec(text)?.[1];
}

/** A user-visible form of a remote URL, with any credentials (`https://user:token@…`) removed. */
export function redactRemoteUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}
