// Named imports: the bundles then hold these fields, not the whole manifest.
import { repository } from '../../../package.json';

/** Where a rule's docs page lives: `docs/rules/<rule-id>.md` in the public repository, or ShellCheck's wiki. */
export function docsUrl(ruleId: string): string {
  // ShellCheck's codes are documented by ShellCheck itself.
  const shellcheck = /^shellcheck\/(SC\d{4})$/i.exec(ruleId);
  if (shellcheck) return `https://www.shellcheck.net/wiki/${shellcheck[1].toUpperCase()}`;
  const base = repository.url.replace(/\.git$/, '');
  return `${base}/blob/main/docs/rules/${ruleId}.md`;
}
