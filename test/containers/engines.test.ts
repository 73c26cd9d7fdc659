/**
 * The containers core against real engines, Docker and Podman, set up by run.mjs. Each engine runs
 * the same scenario: build an image with a HEALTHCHECK, read per-instruction layer sizes, run it
 * with a published port and fetch a page over HTTP on 127.0.0.1, read its logs, see its events,
 * stop and remove it, compose a two-service file up and down, and map a failing build to its line.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildImage } from '../../client/src/containers/core/build';
import { detectCompose, runCompose, type ComposeTool } from '../../client/src/containers/core/compose';
import { detectEngine } from '../../client/src/containers/core/detect';
import { argsWithoutDefault } from '../../client/src/containers/core/dockerfile-outline';
import { EngineClient, WORKSPACE_LABEL } from '../../client/src/containers/core/engine-client';
import type { EngineKind } from '../../client/src/containers/core/errors';
import { imageLayers } from '../../client/src/containers/core/layers';
import type { EngineEvent } from '../../client/src/containers/core/model';
import { firstPortInUse, portsFromExpose } from '../../client/src/containers/core/ports';
import { nodeRunner } from '../../client/src/containers/core/process';
import { dockerfileStages } from '../../server/src/lsp/dockerfile-stages';

const TMP = process.env.SHIPSHAPE_IT_TMP;

// A value that a shell would split, substitute and unquote: it must arrive in the image unchanged.
const HOSTILE = `semi; $(touch /pwned) \`id\` 'single' "double" -dash`;

const DOCKERFILE = `FROM scratch AS base
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM base AS web
ARG GREETING
COPY www /www
RUN printf '%s' "$GREETING" > /www/greeting.txt
EXPOSE 8080
HEALTHCHECK --interval=1s --timeout=2s CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
CMD ["httpd", "-f", "-v", "-p", "8080", "-h", "/www"]
`;

const BROKEN = `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "false"]
CMD ["true"]
`;

function engineEnv(kind: EngineKind): { env?: NodeJS.ProcessEnv; skip?: string } {
  if (!TMP) return { skip: 'run through test/containers/run.mjs (npm run test:containers), which starts the engines' };
  if (kind === 'docker') {
    if (process.env.SHIPSHAPE_IT_DOCKER_SKIP) return { skip: process.env.SHIPSHAPE_IT_DOCKER_SKIP };
    return { env: { ...process.env, DOCKER_HOST: process.env.SHIPSHAPE_IT_DOCKER_HOST } };
  }
  if (process.env.SHIPSHAPE_IT_PODMAN_SKIP) return { skip: process.env.SHIPSHAPE_IT_PODMAN_SKIP };
  return {
    env: {
      ...process.env,
      CONTAINERS_CONF: process.env.SHIPSHAPE_IT_PODMAN_CONF,
      CONTAINERS_STORAGE_CONF: process.env.SHIPSHAPE_IT_PODMAN_STORAGE_CONF,
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Waits for a condition the engine gives no event for (a server answering, a health check passing). */
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

async function httpGet(port: number, path = '/'): Promise<string | undefined> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2000) });
  return response.ok ? await response.text() : undefined;
}

for (const kind of ['docker', 'podman'] as const) {
  const { env, skip } = engineEnv(kind);
  describe(`${kind}: build, run, logs, stop, compose on the real engine`, { skip }, () => {
    const dir = join(TMP ?? '', `${kind} context with spaces $(x) ;`);
    const tag = `shipshape-it-${kind}:dev`;
    const label = `${WORKSPACE_LABEL}=${dir}`;
    const outline = dockerfileStages(DOCKERFILE);
    let client: EngineClient;
    let containerId = '';
    let hostPort = 0;

    before(async () => {
      mkdirSync(join(dir, 'www'), { recursive: true });
      copyFileSync('/bin/busybox', join(dir, 'busybox'));
      writeFileSync(join(dir, 'www', 'index.html'), '<h1>shipshape</h1>\n');
      writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
      writeFileSync(join(dir, 'Broken.Dockerfile'), BROKEN);
      const detection = await detectEngine({ engine: kind, executable: '' }, nodeRunner, env!);
      assert.ok(detection.engine, detection.error?.message);
      client = new EngineClient(detection.engine, nodeRunner);
    });

    after(async () => {
      if (containerId) await client.raw(['rm', '--force', '--', containerId]);
    });

    test('builds an image with a HEALTHCHECK, a build arg passed literally, from a context path with spaces and $()', async () => {
      assert.deepEqual(argsWithoutDefault(outline), ['GREETING']);
      const outcome = await buildImage(
        client,
        {
          dockerfile: join(dir, 'Dockerfile'),
          context: dir,
          tags: [tag],
          buildArgs: { GREETING: HOSTILE },
          labels: { [WORKSPACE_LABEL]: dir },
        },
        outline,
      );
      assert.ok(outcome.ok, `${outcome.error?.message}\n${outcome.output}`);
      const images = await client.listImages(label);
      assert.ok(
        images.some((image) => image.reference.endsWith(tag)),
        `the image is listed by its workspace label: ${JSON.stringify(images)}`,
      );
      type Check = { Healthcheck?: { Test: string[] } };
      const [inspect] = JSON.parse(await client.inspect('image', tag)) as [Check & { Config?: Check }];
      // Docker keeps it in Config, Podman (with the Docker format) at the top.
      assert.deepEqual((inspect.Config?.Healthcheck ?? inspect.Healthcheck)?.Test, [
        'CMD-SHELL',
        'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
      ]);
    });

    test('reads the size each instruction added', async () => {
      const layers = imageLayers(await client.history(tag), outline);
      assert.ok(layers);
      const size = (line: number) => layers.layers.find((layer) => layer.line === line)?.sizeBytes;
      assert.ok(size(1)! > 1_000_000, `COPY busybox adds the binary: ${size(1)}`);
      assert.ok(size(6)! > 0 && size(6)! < 100_000, `COPY www: ${size(6)}`);
      assert.equal(size(8), 0, 'EXPOSE adds nothing');
      assert.equal(size(10), 0, 'CMD adds nothing');
      assert.equal(layers.fromLine, 4);
      assert.ok(layers.totalBytes >= size(1)!);
    });

    test('runs it with a published port from EXPOSE and serves HTTP on 127.0.0.1', async () => {
      hostPort = await freePort();
      const [expose] = portsFromExpose(outline.exposes);
      const ports = [{ ...expose, hostPort }];
      assert.equal(await firstPortInUse(ports), undefined);
      containerId = await client.runDetached({
        image: tag,
        name: `shipshape-it-${kind}-web`,
        ports,
        labels: { [WORKSPACE_LABEL]: dir },
      });
      assert.equal(await until('the page', () => httpGet(hostPort)), '<h1>shipshape</h1>\n');
      assert.equal(await httpGet(hostPort, '/greeting.txt'), HOSTILE);
      assert.match((await firstPortInUse(ports)) ?? '', /already in use/);
      const [row] = (await client.listContainers()).filter((item) => item.id === containerId);
      assert.equal(row.state, 'running');
      assert.equal(row.name, `shipshape-it-${kind}-web`);
      assert.deepEqual(row.ports, [{ hostIp: '127.0.0.1', hostPort, containerPort: 8080, protocol: 'tcp' }]);
      assert.equal(row.labels[WORKSPACE_LABEL], dir);
    });

    test('its health check passes', async () => {
      // Podman runs health checks from systemd timers, which these machines lack: run one by hand.
      if (kind === 'podman') await client.call(['healthcheck', 'run', '--', containerId]);
      const health = await until('a healthy status', async () => {
        const row = (await client.listContainers()).find((item) => item.id === containerId);
        return row?.health === 'healthy' ? row.health : undefined;
      });
      assert.equal(health, 'healthy');
    });

    test('reads its logs', async () => {
      const logs = await client.logs(containerId, 50);
      assert.match(logs, /response:200/);
    });

    test('stops it quickly (--init forwards SIGTERM), seen in the events stream, then removes it', async () => {
      const events: EngineEvent[] = [];
      let stopped: () => void = () => undefined;
      const sawDie = new Promise<void>((resolve) => (stopped = resolve));
      const stream = client.events(
        (event) => {
          events.push(event);
          if (event.type === 'container' && event.id === containerId && /^(die|stop|died)$/.test(event.action))
            stopped();
        },
        () => undefined,
      );
      try {
        // The stream is live once it reports anything; a list call gives it time to attach without a sleep.
        await client.listContainers();
        const started = Date.now();
        await client.containerAction('stop', containerId);
        assert.ok(Date.now() - started < 8000, `stop took ${Date.now() - started} ms`);
        await Promise.race([
          sawDie,
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`no die event: ${JSON.stringify(events)}`)), 15_000),
          ),
        ]);
      } finally {
        stream.stop();
      }
      const row = (await client.listContainers()).find((item) => item.id === containerId);
      assert.equal(row?.state, 'exited');
      await client.containerAction('remove', containerId);
      assert.equal(
        (await client.listContainers()).find((item) => item.id === containerId),
        undefined,
      );
      containerId = '';
    });

    test('composes a two-service file up and down', async () => {
      const tool: ComposeTool = await detectCompose(client.engine, nodeRunner);
      const webPort = await freePort();
      const file = join(dir, 'compose.yaml');
      const image = kind === 'podman' ? `localhost/${tag}` : tag;
      writeFileSync(
        file,
        `services:\n  web:\n    image: ${image}\n    init: true\n    ports:\n      - "127.0.0.1:${webPort}:8080"\n` +
          `  worker:\n    image: ${image}\n    init: true\n    stop_grace_period: 1s\n    command: ["sleep", "300"]\n`,
      );
      const project = `shipshape-it-${kind}`;
      const composed = () =>
        client.listContainers().then((rows) => rows.filter((row) => row.composeProject === project));
      try {
        await runCompose(client.engine, nodeRunner, tool, { file, project, action: 'up' }, { cwd: dir });
        const rows = await composed();
        assert.deepEqual(rows.map((row) => row.composeService).sort(), ['web', 'worker'], tool.label);
        assert.ok(rows.every((row) => row.state === 'running'));
        assert.equal(await until('the compose web page', () => httpGet(webPort)), '<h1>shipshape</h1>\n');
      } finally {
        await runCompose(client.engine, nodeRunner, tool, { file, project, action: 'down' }, { cwd: dir });
      }
      assert.deepEqual(await composed(), []);
    });

    test('a failing build yields a problem at its Dockerfile line', async () => {
      const outcome = await buildImage(
        client,
        { dockerfile: join(dir, 'Broken.Dockerfile'), context: dir, tags: [`shipshape-it-${kind}-broken:1`] },
        dockerfileStages(BROKEN),
      );
      assert.equal(outcome.ok, false);
      assert.equal(outcome.problems.length, 1, outcome.output);
      assert.equal(outcome.problems[0].line, 2);
      assert.match(outcome.problems[0].message, /non-zero code: 1|exit status 1/);
    });

    test('a cancelled build stops its CLI at once', async () => {
      // A duration of its own, so that no other process matches it.
      const seconds = 20 + Math.floor(Math.random() * 20);
      const step = `busybox sleep ${seconds}`;
      const text = `FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "sleep", "${seconds}"]\n`;
      writeFileSync(join(dir, 'Slow.Dockerfile'), text);
      const running = () => spawnSync('pgrep', ['-f', step]).status === 0;
      const controller = new AbortController();
      const pending = buildImage(
        client,
        { dockerfile: join(dir, 'Slow.Dockerfile'), context: dir, tags: [`shipshape-it-${kind}-slow:1`] },
        dockerfileStages(text),
        { signal: controller.signal },
      );
      await until('the slow step to run', async () => running() || undefined);
      const cancelled = Date.now();
      controller.abort();
      const outcome = await pending;
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.reason, 'cancelled');
      assert.ok(Date.now() - cancelled < 5000, `the CLI took ${Date.now() - cancelled} ms to stop`);
      if (kind === 'docker') {
        // The engine stops the step when its client goes away.
        await until('the step to be stopped', async () => (running() ? undefined : true), 15_000);
      } else {
        // Podman 4.3 leaves the running step to finish on its own (it sends it no signal); the build
        // removed its working containers, so the images stay removable (checked by the next test).
        const external = await client.call(['ps', '--all', '--external', '--quiet']);
        assert.equal(external.trim(), '', 'no working container is left');
        spawnSync('pkill', ['-9', '-f', step]);
      }
    });

    test('removes the image', async () => {
      await client.removeImage(tag);
      assert.equal((await client.listImages(label)).length, 0);
    });
  });
}
