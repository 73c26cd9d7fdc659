import type { FixProvider } from '../types';

/** Replace `latest` with a tag placeholder, or append one to an untagged image. */
export const imageTagFix: FixProvider = {
  ruleIds: ['kubernetes/image-tag'],
  createFixes(finding, file) {
    const problem = finding.data?.problem;
    const image = finding.data?.image;
    const { start, end } = finding.range;
    if (start.line !== end.line || typeof image !== 'string') return [];
    const written = file.lines.lineText(start.line).slice(start.character, end.character);
    if (problem === 'latest' && written.toLowerCase() === 'latest') {
      return [
        {
          title: 'Replace latest with a version tag',
          edits: [{ range: finding.range, newText: '${1:1.0.0}' }],
          snippet: true,
          isPreferred: true,
        },
      ];
    }
    if (problem === 'untagged') {
      const quote = /^["']/.test(written) ? 1 : 0;
      if (written.slice(quote, quote + image.length) !== image) return [];
      const at = { line: start.line, character: start.character + quote + image.length };
      return [
        {
          title: 'Add a version tag',
          edits: [{ range: { start: at, end: at }, newText: ':${1:1.0.0}' }],
          snippet: true,
          isPreferred: true,
        },
      ];
    }
    return [];
  },
};
