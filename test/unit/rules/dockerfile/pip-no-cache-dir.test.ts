import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/pip-no-cache-dir', () => {
  checkCases(
    'dockerfile/pip-no-cache-dir',
    '/repo/Dockerfile',
    [
      {
        name: 'pip install',
        text: 'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
        want: [{ at: '2:9-2:16', token: 'install' }],
      },
      { name: 'python -m pip', text: 'FROM python:3.12-slim\nRUN python3 -m pip install flask\n', want: ['install'] },
      { name: 'pip3', text: 'FROM python:3.12-slim\nRUN pip3 install flask\n', want: ['install'] },
      { name: 'with flag', text: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n', want: [] },
      {
        name: 'ENV PIP_NO_CACHE_DIR',
        text: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
        want: [],
      },
      {
        name: 'ENV PIP_NO_CACHE_DIR=false still disables the cache: pip does so for any boolean value',
        text: 'FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=false\nRUN pip install flask\n',
        want: [],
      },
      {
        name: 'cache mount',
        text: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
        want: [],
      },
      { name: 'uv pip is another tool', text: 'FROM python:3.12-slim\nRUN uv pip install flask\n', want: [] },
      {
        name: 'build stage only',
        text: 'FROM python:3.12 AS build\nRUN pip install --target /deps flask\nFROM python:3.12-slim\nCOPY --from=build /deps /deps\n',
        want: [],
      },
      {
        name: 'cache mount written with destination=',
        text: 'FROM python:3.12\nRUN --mount=type=cache,destination=/root/.cache/pip pip install flask\n',
        want: [],
      },
      {
        name: '--no-cache is an accepted prefix of --no-cache-dir',
        text: 'FROM python:3.12\nRUN pip install --no-cache -r requirements.txt\n',
        want: [],
      },
      {
        name: '--no-cache-d too; a shorter --no-c is ambiguous and not taken',
        text: 'FROM python:3.12\nRUN pip install --no-cache-d flask && pip install --no-c flask\n',
        want: [{ at: '2:43-2:50', token: 'install' }],
      },
    ],
    test,
  );
});
