import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/dependency-cache-order', () => {
  checkCases(
    'dockerfile/dependency-cache-order',
    '/repo/Dockerfile',
    [
      {
        name: 'COPY . . before npm ci',
        text: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
        want: [{ at: '3:6-3:7', token: '.' }],
      },
      {
        name: 'pip install -r',
        text: 'FROM python:3.12\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\n',
        want: ['.'],
      },
      { name: 'go mod download', text: 'FROM golang:1.23\nCOPY ./ ./\nRUN go mod download\n', want: ['./'] },
      {
        name: 'manifest first',
        text: 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n',
        want: [],
      },
      {
        name: 'pip install of a named package is not a manifest install',
        text: 'FROM python:3.12\nCOPY . /app\nRUN pip install gunicorn\n',
        want: [],
      },
      {
        name: 'install in another stage',
        text: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20\nCOPY . .\n',
        want: [],
      },
      { name: 'COPY --from . is not the context', text: 'FROM node:20\nCOPY --from=deps . .\nRUN npm ci\n', want: [] },
    ],
    test,
  );
});
