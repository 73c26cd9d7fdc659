import type { Report } from '../../engine/types';

/**
 * How many parse errors of one file are listed: after the first few, a YAML parser's errors are
 * mostly consequences of the first (one bad indent misreads every line below it).
 */
export const MAX_PARSE_PROBLEMS = 5;

/** Each `<kind>/syntax` rule starts by reporting what the parser could not read, capped. */
export function reportParseProblems(context: {
  file: { parseProblems: readonly Report[] };
  report(report: Report): void;
}): void {
  const problems = context.file.parseProblems;
  for (const problem of problems.slice(0, MAX_PARSE_PROBLEMS)) context.report(problem);
  const rest = problems.length - MAX_PARSE_PROBLEMS;
  if (rest > 0) {
    context.report({
      range: problems[MAX_PARSE_PROBLEMS].range,
      message: `${rest} more syntax error${rest === 1 ? '' : 's'} from here on, most likely caused by the ones above: fix those first.`,
    });
  }
}
