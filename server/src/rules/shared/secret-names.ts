/**
 * Shared judgement of "this looks like a secret", for every kind's secret rules (GitLab `variables:`,
 * Compose `environment:`, and open to Dockerfile `ENV` and Kubernetes `env`).
 *
 * - `looksLikeSecretName(name)`: the variable's name says it holds a credential.
 * - `isLiteralSecretValue(value)`: the value is written out, not taken from somewhere else.
 * - `urlCredentials(value)`: the password inside a URL such as `postgresql://user:password@host/db`.
 */

/** Words that name a credential on their own, once a name is split into words (`DB_PASSWORD` → db, password). */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'privatekey',
]);
/** Words that make `key` a credential (`API_KEY`, `AWS_SECRET_ACCESS_KEY`), unlike `CACHE_KEY` or `SORT_KEY`. */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'private',
  'secret',
  'signing',
  'encryption',
  'master',
  'client',
  'auth',
  'license',
  'ssh',
  'deploy',
]);
/**
 * Last words that turn a secret-sounding name into something else: where the secret is (`PASSWORD_FILE`),
 * what it is called (`SECRET_NAME`), or a setting about it (`TOKEN_TTL`, `SECRET_DETECTION_DISABLED`).
 */
const NOT_A_VALUE = new Set([
  'file',
  'files',
  'path',
  'paths',
  'dir',
  'name',
  'names',
  'id',
  'ids',
  'url',
  'uri',
  'endpoint',
  'host',
  'type',
  'length',
  'len',
  'min',
  'max',
  'ttl',
  'expiry',
  'expiration',
  'expires',
  'lifetime',
  'timeout',
  'header',
  'policy',
  'enabled',
  'disabled',
  'required',
  'user',
  'username',
  'hint',
  'prompt',
  'field',
  'ref',
  'arn',
  'version',
  'prefix',
  'suffix',
  'env',
  'var',
  'mode',
  'count',
  'size',
  'algorithm',
  'format',
  'location',
  'store',
  'provider',
  'command',
  'cmd',
  'script',
  'template',
  'excluded',
]);

/** Split `dbPassword`, `DB_PASSWORD`, `db-password` or `db.password` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** Whether a variable name says it holds a credential: `DB_PASSWORD`, `apiKey`, `GITHUB_TOKEN`, not `TOKEN_FILE`. */
export function looksLikeSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0 || NOT_A_VALUE.has(words.at(-1)!)) return false;
  return words.some(
    (word, i) => SECRET_WORDS.has(word) || (word === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])),
  );
}

/**
 * Whether a value is a secret written in the file: not empty, not a reference to another variable
 * (`$VAR`, `${VAR}`, `$$`-escaped), and not a plain flag (`true`, `false`).
 */
export function isLiteralSecretValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || /^(true|false|yes|no|on|off|null|~)$/i.test(trimmed)) return false;
  return !/\$(\{|\(|[A-Za-z_]|\$)/.test(trimmed);
}

/** Where the password of `scheme://user:password@host…` sits in the value, when it is written literally. */
export function urlCredentials(value: string): { start: number; end: number } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]*):([^@/\s]+)@/i.exec(value);
  if (!match) return undefined;
  const start = match[1].length + match[2].length + 1;
  const password = match[3];
  if (!isLiteralSecretValue(password)) return undefined;
  return { start, end: start + password.length };
}
