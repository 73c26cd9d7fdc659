import type { Rule } from '../../engine/types';

/** Line-level suppressions; the file-level forms (`shipshape-ignore-file`, `hadolint global ignore=`) are a choice made once. */
const INLINE_IGNORE = /^#\s*(hadolint\s+ignore\s*=|shipshape-ignore(?!-file)\b)/i;

export const inlineIgnore: Rule<'dockerfile'> = {
  id: 'dockerfile/inline-ignore',
  kind: 'dockerfile',
  defaultSeverity: 'info',
  optIn: true,
  docs: {
    summary:
      'Opt-in: report inline ignore comments (# hadolint ignore=…, # shipshape-ignore …), for teams that keep exceptions in the config file.',
  },
  aliases: ['hadolint:DL1001'],
  check({ file, report }) {
    for (const comment of file.dockerfile.getComments()) {
      const text = file.lines.lineText(comment.getRange().start.line).trim();
      if (!INLINE_IGNORE.test(text)) continue;
      report({
        range: comment.getRange(),
        message:
          'Inline ignore comment: this team keeps its exceptions in .shipshape.yaml (or .hadolint.yaml), where they are reviewed in one place.',
      });
    }
  },
};
