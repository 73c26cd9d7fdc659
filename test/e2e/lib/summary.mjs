// Mocha's summary lines ("12 passing (9s)", "1 failing", "2 pending") are picked out of the streamed
// extension host output and printed again as the very last lines, after the cleanup messages, so
// that the end of the output says how the run went.
const SUMMARY_LINE = /^\s*\d+ (passing|failing|pending)\b.*$/;

export function createSummary() {
  const lines = [];
  return {
    scan(text) {
      for (const line of String(text).split(/\r?\n/)) if (SUMMARY_LINE.test(line)) lines.push(line.trim());
    },
    print(exitCode) {
      console.log('');
      if (lines.length === 0) {
        console.log(`  e2e: no mocha summary was produced (exit code ${exitCode}): the tests did not run to the end`);
        return;
      }
      console.log(`  e2e summary (${exitCode === 0 ? 'passed' : `FAILED, exit code ${exitCode}`}):`);
      for (const line of lines) console.log(`  ${line}`);
    },
  };
}
