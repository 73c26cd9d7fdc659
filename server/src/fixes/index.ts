/** The one registry of quick-fix providers. Each kind keeps its own list; add a provider there. */
import type { Finding, ParsedFile } from '../engine/types';
import { ignoreFixes } from './ignore-comments';
import type { FixProvider, QuickFix } from './types';
import { composeFixes } from './compose';
import { dockerfileFixes } from './dockerfile';
import { githubActionsFixes } from './github-actions';
import { gitlabCiFixes } from './gitlab-ci';
import { kubernetesFixes } from './kubernetes';

const providers: readonly FixProvider[] = [
  ...dockerfileFixes,
  ...kubernetesFixes,
  ...githubActionsFixes,
  ...gitlabCiFixes,
  ...composeFixes,
];

const byRule = new Map<string, FixProvider[]>();
for (const provider of providers) {
  for (const ruleId of provider.ruleIds) byRule.set(ruleId, [...(byRule.get(ruleId) ?? []), provider]);
}

/** Every fix for a finding: the rule's own fixes first, then the ignore-comment actions. */
export function fixesFor(finding: Finding, file: ParsedFile): QuickFix[] {
  const own = (byRule.get(finding.ruleId) ?? []).flatMap((provider) => provider.createFixes(finding, file));
  return [...own, ...ignoreFixes(finding, file)];
}
