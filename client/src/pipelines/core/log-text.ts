/**
 * Job logs made readable in an editor: ANSI colour codes and per-line timestamps removed, GitHub's
 * `##[group]`/`##[endgroup]` and GitLab's `section_start`/`section_end` markers turned into foldable
 * ranges, and the first error located so the editor can reveal the failing step.
 */
export interface LogSection {
  title: string;
  /** 0-based lines of the cleaned text, inclusive. */
  start: number;
  end: number;
}

export interface CleanLog {
  text: string;
  sections: LogSection[];
  /** 0-based line of the first error, if any. */
  errorLine?: number;
}

// CSI sequences (colours, erase-line `ESC[0K`), OSC sequences (hyperlinks), and lone ESC pairs.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
// GitHub: `2024-05-01T12:00:00.1234567Z `; GitLab (timestamped logs): `2024-05-01T12:00:00.123456Z 00O `.
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z(?: [0-9a-f]{2}[OE]\+?)? ?/;
const GITLAB_SECTION = /section_(start|end):\d+:([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\r?/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

export function cleanLog(raw: string): CleanLog {
  const lines: string[] = [];
  const sections: LogSection[] = [];
  const open: { title: string; start: number }[] = [];
  let errorLine: number | undefined;
  const close = (name?: string) => {
    const index = name === undefined ? open.length - 1 : open.map((s) => s.title).lastIndexOf(name);
    if (index < 0) return;
    const [section] = open.splice(index, 1);
    sections.push({ title: section!.title, start: section!.start, end: Math.max(section!.start, lines.length - 1) });
  };
  // GitLab writes `\r` before the erase-line code to overwrite section markers on a terminal.
  for (const rawLine of raw.replace(/\r\n/g, '\n').split('\n')) {
    let line = rawLine.replace(TIMESTAMP, '');
    let gitlabTitle: string | undefined;
    line = line.replace(GITLAB_SECTION, (_match, kind: string, name: string) => {
      if (kind === 'start') gitlabTitle = name;
      else close(name);
      return '';
    });
    line = stripAnsi(line).replace(/\r/g, '');
    if (gitlabTitle !== undefined) {
      open.push({ title: gitlabTitle, start: lines.length });
      if (!line.trim()) line = `▸ ${gitlabTitle.replace(/_/g, ' ')}`;
    }
    const group = /^##\[group\](.*)$/.exec(line);
    if (group) {
      open.push({ title: group[1]!, start: lines.length });
      lines.push(`▸ ${group[1]}`);
      continue;
    }
    if (/^##\[endgroup\]/.test(line)) {
      close();
      continue;
    }
    if (gitlabTitle === undefined && !line && rawLine.includes('section_end')) continue;
    const error = /^##\[error\](.*)$/.exec(line);
    if (error) line = `Error: ${error[1]}`;
    else line = line.replace(/^##\[(warning|notice|debug|command)\]/, (_m, level: string) => `${capital(level)}: `);
    if (errorLine === undefined && (error || /^ERROR: Job failed/.test(line))) errorLine = lines.length;
    lines.push(line);
  }
  while (open.length) close();
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  sections.sort((a, b) => a.start - b.start);
  return { text: lines.join('\n') + '\n', sections, ...(errorLine !== undefined ? { errorLine } : {}) };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The section that holds a line (the innermost one), e.g. the failing step around the first error. */
export function sectionAt(log: CleanLog, line: number): LogSection | undefined {
  return log.sections.filter((s) => s.start <= line && line <= s.end).sort((a, b) => b.start - a.start)[0];
}
