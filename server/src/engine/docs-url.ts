// Named imports: the bundles then hold these fields, not the whole manifest.
import { repository } from '../../../package.json';

/** Where a rule's docs page lives: `docs/rules/<rule-id>.md` in the public repository. */
export function docsUrl(ruleId: string): string {
  const base = repository.url.replace(/\.git$/, '');
  return `${base}/blob/main/docs/rules/${ruleId}.md`;
}
