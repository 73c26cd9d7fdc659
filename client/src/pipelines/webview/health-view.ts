/**
 * The Pipeline Health page, running inside the webview: draws each section's figures, a chart of run
 * durations coloured by outcome, the success-rate trend, and the same data as tables for screen
 * readers. Colours come from VS Code's theme variables; new data arrives by message while it is open.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { duration } from '../core/format';
import type { HealthPage, HealthSection } from '../core/health/page-model';
import { percent, perWeek, recoveryText } from '../core/health/text';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

const charts: Chart[] = [];

function themeColor(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function table(caption: string, headers: string[], rows: string[][]): HTMLTableElement {
  const node = element('table');
  node.append(element('caption', caption));
  const head = element('tr');
  for (const header of headers) {
    const cell = element('th', header);
    cell.scope = 'col';
    head.append(cell);
  }
  node.append(head);
  for (const row of rows) {
    const line = element('tr');
    for (const value of row) line.append(element('td', value));
    node.append(line);
  }
  return node;
}

function figure(list: HTMLElement, name: string, value: string, id: string): void {
  const box = element('div');
  const value_ = element('dd', value);
  value_.dataset.figure = id;
  box.append(element('dt', name), value_);
  list.append(box);
}

function renderSection(section: HealthSection, index: number): HTMLElement {
  const { figures } = section;
  const root = element('section');
  root.setAttribute('aria-labelledby', `section-${index}`);
  const heading = element('h2', section.title);
  heading.id = `section-${index}`;
  root.append(heading, element('div', `${section.subtitle} · last ${figures.completed} completed runs`, 'subtitle'));
  const list = element('dl', undefined, 'figures');
  figure(list, 'Success rate', percent(figures.successRate), 'successRate');
  figure(list, 'Median duration', figures.medianMs !== undefined ? duration(figures.medianMs) : '–', 'median');
  figure(list, 'p90 duration', figures.p90Ms !== undefined ? duration(figures.p90Ms) : '–', 'p90');
  figure(list, 'Deployment frequency', perWeek(figures), 'deploymentFrequency');
  figure(
    list,
    'Change failure rate',
    figures.deployRuns ? percent(figures.changeFailureRate) : 'no deploy runs',
    'changeFailureRate',
  );
  figure(list, 'Mean time to recovery', recoveryText(figures), 'timeToRecovery');
  root.append(list);

  const charts_ = element('div', undefined, 'charts');
  const durationCanvas = element('canvas');
  const trendCanvas = element('canvas');
  for (const [canvas, label] of [
    [durationCanvas, `Run durations of ${section.title}, coloured by outcome; the table below has the same data`],
    [trendCanvas, `Success rate trend of ${section.title} over the last 10 decided runs at each run`],
  ] as const) {
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', label);
    canvas.tabIndex = 0;
    const box = element('div', undefined, 'chart');
    box.append(canvas);
    charts_.append(box);
  }
  root.append(charts_);
  drawCharts(section, durationCanvas, trendCanvas);

  const details = element('details');
  details.append(element('summary', 'Runs as a table'));
  details.append(
    table(
      `Runs of ${section.title}`,
      ['Run', 'Created', 'Outcome', 'Duration', 'Branch'],
      figures.points.map((point) => [
        `#${point.number}`,
        new Date(point.createdAt).toLocaleString(),
        point.state,
        point.durationMs !== undefined ? duration(point.durationMs) : '–',
        point.branch ?? '',
      ]),
    ),
  );
  root.append(details);
  if (figures.slowestJobs.length)
    root.append(
      table(
        'Slowest jobs (median duration)',
        ['Job', 'Median', 'Runs'],
        figures.slowestJobs.map((job) => [job.name, duration(job.medianMs), String(job.samples)]),
      ),
    );
  else root.append(element('p', 'Slowest jobs: expand runs in the Pipelines view to load their jobs.', 'definitions'));
  if (figures.flakyJobs.length)
    root.append(
      table(
        'Flaky jobs (failed, then passed on the same commit)',
        ['Job', 'Commit', 'Failures before passing'],
        figures.flakyJobs.map((job) => [job.name, job.sha.slice(0, 7), String(job.failures)]),
      ),
    );
  return root;
}

function drawCharts(section: HealthSection, durationCanvas: HTMLCanvasElement, trendCanvas: HTMLCanvasElement): void {
  const passed = themeColor('--vscode-testing-iconPassed', '#388a34');
  const failed = themeColor('--vscode-testing-iconFailed', '#f14c4c');
  const other = themeColor('--vscode-disabledForeground', '#888888');
  const text = themeColor('--vscode-foreground', '#cccccc');
  const grid = themeColor('--vscode-panel-border', 'rgba(128,128,128,0.3)');
  const link = themeColor('--vscode-charts-blue', '#3794ff');
  const points = section.figures.points;
  const scales = (y: Record<string, unknown>) => ({
    x: { ticks: { color: text }, grid: { color: grid } },
    y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true, ...y },
  });
  // Marks a drawn canvas with its number of points: what the end-to-end test waits for.
  const drawnMark = {
    id: 'drawn-mark',
    afterRender: (chart: Chart) => {
      chart.canvas.dataset.drawn = String(chart.data.labels?.length ?? 0);
    },
  };
  charts.push(
    new Chart(durationCanvas, {
      type: 'bar',
      data: {
        labels: points.map((point) => `#${point.number}`),
        datasets: [
          {
            label: 'Duration (minutes)',
            data: points.map((point) => (point.durationMs ?? 0) / 60_000),
            backgroundColor: points.map((point) =>
              point.state === 'success' ? passed : point.state === 'failure' ? failed : other,
            ),
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { labels: { color: text } } },
        scales: scales({}),
      },
      plugins: [drawnMark],
    }),
    new Chart(trendCanvas, {
      type: 'line',
      data: {
        labels: section.trend.map((point) => `#${point.number}`),
        datasets: [
          {
            label: 'Success rate (%)',
            data: section.trend.map((point) => Math.round(point.rate * 100)),
            borderColor: link,
            backgroundColor: link,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { labels: { color: text } } },
        scales: scales({ max: 100 }),
      },
      plugins: [drawnMark],
    }),
  );
}

function render(page: HealthPage): void {
  for (const chart of charts.splice(0)) chart.destroy();
  const main = document.getElementById('health')!;
  main.replaceChildren();
  if (!page.sections.length)
    main.append(element('p', 'No runs loaded yet for this repository. The page fills in as the Pipelines view polls.'));
  page.sections.forEach((section, index) => main.append(renderSection(section, index)));
  const definitions = element('details', undefined, 'definitions');
  definitions.append(
    element('summary', 'How the figures are computed'),
    element(
      'p',
      `Over the newest ${page.window} completed runs (running runs left out). Success rate: passed / (passed + failed). ` +
        'Durations: start to finish of passed and failed runs; p90 by nearest rank. Deployment frequency: successful deploy runs a week. ' +
        'Change failure rate: failed / all deploy runs. Mean time to recovery: on the default branch, from a failing run to the next passing one.',
    ),
  );
  main.append(definitions);
}

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const embedded = document.getElementById('health-data')?.textContent;
if (embedded) render(JSON.parse(embedded) as HealthPage);
window.addEventListener('message', (event: MessageEvent<{ type?: string; page?: HealthPage }>) => {
  if (event.data?.type === 'health' && event.data.page) render(event.data.page);
});
// Messages posted before this script ran are lost: the panel answers this with the current page.
acquireVsCodeApi().postMessage({ type: 'ready' });
