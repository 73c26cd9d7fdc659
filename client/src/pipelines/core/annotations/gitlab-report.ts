/** GitLab's failures as annotations: a failed job's reason at its key, a failed test case at its file. */
import type { CiAnnotation } from './annotation';

export interface GitLabTestCase {
  status?: string;
  name?: string;
  classname?: string;
  /** Set when the JUnit report carries a `file` attribute. */
  file?: string | null;
  system_output?: string | null;
  stack_trace?: string | null;
}

export interface GitLabTestReport {
  test_suites?: { name?: string; test_cases?: GitLabTestCase[] }[];
}

/** GitLab's `failure_reason` values in words (the job page's wording, shortened). */
const REASONS: Record<string, string> = {
  script_failure: 'the script failed',
  runner_system_failure: 'the runner failed',
  stuck_or_timeout_failure: 'the job was stuck or timed out',
  job_execution_timeout: 'the job ran past its timeout',
  missing_dependency_failure: 'an artifact it depends on is missing',
  api_failure: 'an API failure',
  unmet_prerequisites: 'its prerequisites were not met',
  scheduler_failure: 'it could not be scheduled',
  data_integrity_failure: 'a data integrity failure',
};

export function jobFailureAnnotation(job: {
  name: string;
  failure_reason?: string | null;
  web_url: string;
}): CiAnnotation {
  const reason = job.failure_reason ? (REASONS[job.failure_reason] ?? job.failure_reason.replace(/_/g, ' ')) : 'failed';
  return {
    source: 'GitLab CI',
    path: '.gitlab-ci.yml',
    jobKey: job.name,
    level: 'failure',
    message: `Job ${job.name} failed: ${reason}`,
    url: job.web_url,
  };
}

/** Failed and errored test cases that name their file; the line comes from `file:line` in the trace when it is there. */
export function testReportAnnotations(report: GitLabTestReport, pipelineUrl: string): CiAnnotation[] {
  const annotations: CiAnnotation[] = [];
  for (const suite of report.test_suites ?? [])
    for (const testCase of suite.test_cases ?? []) {
      if (testCase.status !== 'failed' && testCase.status !== 'error') continue;
      if (!testCase.file) continue;
      const trace = `${testCase.stack_trace ?? ''}\n${testCase.system_output ?? ''}`;
      const line = lineInTrace(trace, testCase.file);
      const firstTraceLine = trace.trim().split('\n')[0]?.trim().slice(0, 300);
      annotations.push({
        source: 'GitLab CI',
        path: testCase.file,
        ...(line ? { startLine: line, endLine: line } : {}),
        level: 'failure',
        title: [testCase.classname, testCase.name].filter(Boolean).join(' '),
        message: `Test failed${firstTraceLine ? `: ${firstTraceLine}` : ''}`,
        url: `${pipelineUrl}/test_report`,
      });
    }
  return annotations;
}

/** The first `<file>:<line>` in a trace (relative or as a suffix of an absolute path). */
export function lineInTrace(trace: string, file: string): number | undefined {
  const name = file.replace(/^\.\//, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|[\\s/("'])${name}:(\\d+)`, 'm').exec(trace);
  const line = match ? Number(match[1]) : NaN;
  return line >= 1 ? line : undefined;
}
