import type { Report } from '../../engine/types';

/** Each `<kind>/syntax` rule starts by reporting what the parser could not read. */
export function reportParseProblems(context: {
  file: { parseProblems: readonly Report[] };
  report(report: Report): void;
}): void {
  for (const problem of context.file.parseProblems) context.report(problem);
}
