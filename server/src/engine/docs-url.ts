import packageJson from '../../../package.json';

/** Where a rule's docs page lives: `docs/rules/<rule-id>.md` in the public repository. */
export function docsUrl(ruleId: string): string {
  const repository = packageJson.repository.url.replace(/\.git$/, '');
  return `${repository}/blob/main/docs/rules/${ruleId}.md`;
}
