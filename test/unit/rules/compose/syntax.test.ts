import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('compose/syntax', () => {
  checkCases(
    'compose/syntax',
    '/app/compose.yaml',
    [
      {
        name: 'YAML errors',
        text: 'services:\n  web:\n    image: a\n    image: b\n',
        want: [{ at: '4:5-4:6', token: 'i' }],
      },
      {
        name: 'a valid file with anchors, merges, extensions and long syntax',
        text: `x-common: &common
  restart: unless-stopped
  logging: {driver: json-file}
services:
  web:
    <<: *common
    image: nginx:1.27
    depends_on:
      db: {condition: service_healthy}
    volumes:
      - static:/srv/static
      - ./conf:/etc/nginx/conf.d:ro
      - /var/log/web
      - type: volume
        source: cache
        target: /cache
    networks: [front, default]
    x-note: anything
  db:
    image: postgres:17
    networks:
      back:
        aliases: [database]
    healthcheck: {test: [CMD, pg_isready]}
volumes:
  static:
  cache:
networks:
  front:
  back:
`,
        want: [],
      },
      {
        name: 'unknown service key with a suggestion',
        text: 'services:\n  web:\n    image: nginx:1\n    enviroment:\n      A: b\n',
        want: [{ at: '4:5-4:15', token: 'enviroment' }],
      },
      { name: 'unknown top-level key', text: 'service:\n  web: {}\nservices: {}\n', want: ['service'] },
      {
        name: 'wrong types',
        text: 'services:\n  web:\n    image: nginx:1\n    ports: "80:80"\n    environment: A=b\n    healthcheck: true\n  cache: redis\n',
        want: ['"80:80"', 'A=b', 'true', 'redis'],
      },
      {
        name: 'depends_on naming unknown services',
        text: 'services:\n  web:\n    image: a:1\n    depends_on: [db, cache]\n  worker:\n    image: a:1\n    depends_on:\n      queue: {condition: service_started}\n  db:\n    image: b:1\n',
        want: ['cache', 'queue'],
      },
      {
        name: 'unknown named volumes and networks',
        text: 'services:\n  web:\n    image: a:1\n    volumes:\n      - data:/data\n      - type: volume\n        source: logs\n        target: /logs\n    networks: [front]\n',
        want: [
          { at: '5:9-5:13', token: 'data' },
          { at: '7:17-7:21', token: 'logs' },
          { at: '9:16-9:21', token: 'front' },
        ],
      },
      {
        name: 'names from a sibling override file',
        text: 'services:\n  web:\n    image: a:1\n    depends_on: [db]\n    volumes: [data:/data]\n',
        options: {
          files: { '/app/compose.override.yaml': 'services:\n  db:\n    image: b:1\nvolumes:\n  data: {}\n' },
        },
        want: [],
      },
      {
        name: 'include: makes names unknowable',
        text: 'include:\n  - ../db/compose.yaml\nservices:\n  web:\n    image: a:1\n    depends_on: [db]\n',
        want: [],
      },
      {
        name: 'look-alikes: variables and Windows paths in volumes',
        text: 'services:\n  web:\n    image: a:1\n    volumes:\n      - ${DATA_DIR}:/data\n      - C:\\data:/data\n      - ~/cache:/cache\n',
        want: [],
      },
    ],
    test,
  );
});
