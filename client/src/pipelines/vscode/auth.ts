import * as vscode from 'vscode';
import type { ProviderKind } from '../core/model';
import type { PlacedRepository } from '../core/remotes';

/**
 * Credentials, never in settings: a token the user stored (SecretStorage, per provider and API
 * host), else a session of VS Code's `github` / `github-enterprise` authentication providers.
 */
export class PipelineAuth implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.disposables = [
      this.changed,
      secrets.onDidChange((event) => {
        if (event.key.startsWith(SECRET_PREFIX)) this.changed.fire();
      }),
      vscode.authentication.onDidChangeSessions((event) => {
        if (event.provider.id === 'github' || event.provider.id === 'github-enterprise') this.changed.fire();
      }),
    ];
  }

  /** The token for a repository's API, or undefined to ask without credentials. */
  async token(repository: PlacedRepository): Promise<string | undefined> {
    const stored = await this.secrets.get(secretKey(repository.provider, apiHost(repository.apiUrl)));
    if (stored) return stored;
    if (repository.provider !== 'github') return undefined;
    const provider = authProviderFor(repository.apiUrl);
    if (!provider) return undefined;
    // A session that may dispatch workflows is preferred when the user granted one.
    const session =
      (await this.session(provider, ['repo', 'workflow'], false)) ?? (await this.session(provider, ['repo'], false));
    return session?.accessToken;
  }

  /**
   * Before a dispatch: make sure a VS Code session with the `workflow` scope exists (asked only
   * then, not at sign-in). False when the user declined. Stored tokens are used as they are.
   */
  async ensureWorkflowScope(repository: PlacedRepository): Promise<boolean> {
    if (await this.secrets.get(secretKey(repository.provider, apiHost(repository.apiUrl)))) return true;
    const provider = authProviderFor(repository.apiUrl);
    if (!provider) return true;
    if (await this.session(provider, ['repo', 'workflow'], false)) return true;
    return Boolean(await this.session(provider, ['repo', 'workflow'], true));
  }

  /** Ask VS Code for a session, interactively; `workflow` is added only for dispatches. */
  async signIn(apiUrl: string, withWorkflowScope = false): Promise<boolean> {
    const provider = authProviderFor(apiUrl) ?? 'github';
    const scopes = withWorkflowScope ? ['repo', 'workflow'] : ['repo'];
    return Boolean(await this.session(provider, scopes, true));
  }

  private async session(provider: string, scopes: string[], interactive: boolean) {
    try {
      const request = vscode.authentication.getSession(
        provider,
        scopes,
        interactive ? { createIfNone: true } : { silent: true },
      );
      // Without an extension providing `provider` (some VS Code builds) the request never settles.
      const timeout = new Promise<undefined>((resolve) =>
        setTimeout(() => resolve(undefined), interactive ? 300_000 : 5_000),
      );
      return await Promise.race([request, timeout]);
    } catch {
      return undefined;
    }
  }

  async storeToken(provider: ProviderKind, apiUrl: string, token: string): Promise<void> {
    await this.secrets.store(secretKey(provider, apiHost(apiUrl)), token);
  }

  async clearTokens(hosts: { provider: ProviderKind; apiUrl: string }[]): Promise<void> {
    for (const { provider, apiUrl } of hosts) await this.secrets.delete(secretKey(provider, apiHost(apiUrl)));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

const SECRET_PREFIX = 'shipshape.pipelines.token.';

function secretKey(provider: ProviderKind, host: string): string {
  return `${SECRET_PREFIX}${provider}.${host}`;
}

export function apiHost(apiUrl: string): string {
  try {
    return new URL(apiUrl).host.toLowerCase();
  } catch {
    return apiUrl;
  }
}

/** `github` for github.com; `github-enterprise` when the API is the one `github-enterprise.uri` names. */
function authProviderFor(apiUrl: string): string | undefined {
  const host = apiHost(apiUrl);
  if (host === 'api.github.com') return 'github';
  const enterprise = vscode.workspace.getConfiguration('github-enterprise').get<string>('uri');
  if (enterprise && apiHost(enterprise) === host) return 'github-enterprise';
  return undefined;
}
