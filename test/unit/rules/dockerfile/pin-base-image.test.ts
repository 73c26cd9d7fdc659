import { describe, test } from 'node:test';
import { checkCases } from '../../../helpers/lint';

describe('dockerfile/pin-base-image', () => {
  checkCases(
    'dockerfile/pin-base-image',
    '/repo/Dockerfile',
    [
      { name: 'latest tag: the tag token', text: 'FROM node:latest\n', want: [{ at: '1:11-1:17', token: 'latest' }] },
      {
        name: 'untagged: the image name',
        text: 'FROM ubuntu\nRUN true\n',
        want: [{ at: '1:6-1:12', token: 'ubuntu' }],
      },
      { name: 'registry with port, untagged', text: 'FROM localhost:5000/app\n', want: ['localhost:5000/app'] },
      { name: 'with --platform flag', text: 'FROM --platform=$BUILDPLATFORM golang AS build\n', want: ['golang'] },
      { name: 'ARG default resolving to latest', text: 'ARG TAG=latest\nFROM node:${TAG}\n', want: ['node:${TAG}'] },
      { name: 'ARG without default cannot be judged', text: 'ARG TAG\nFROM node:${TAG}\n', want: [] },
      { name: 'ARG default with a version', text: 'ARG NODE=20.18\nFROM node:$NODE-alpine\n', want: [] },
      { name: 'whole image from ARG', text: 'ARG BASE=debian:12\nFROM ${BASE}\n', want: [] },
      { name: 'pinned tag', text: 'FROM node:20.18.1-bookworm-slim\n', want: [] },
      {
        name: 'digest pins even with latest',
        text: 'FROM node:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
        want: [],
      },
      {
        name: 'digest without tag',
        text: 'FROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n',
        want: [],
      },
      { name: 'scratch', text: 'FROM scratch\nCOPY app /\n', want: [] },
      {
        name: 'earlier stage names are not images',
        text: 'FROM golang:1.23 AS Build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\n',
        want: [],
      },
      {
        name: 'a later stage name does not hide an earlier image',
        text: 'FROM app\nFROM alpine:3.20 AS app\n',
        want: ['app'],
      },
      {
        name: 'requireDigest option',
        text: 'FROM node:20\n',
        want: ['node:20'],
        options: { settings: { 'dockerfile/pin-base-image': { options: { requireDigest: true } } } },
      },
      {
        name: 'latest from the second name of an ARG line',
        text: 'ARG REGISTRY=docker.io TAG=latest\nFROM node:$TAG\n',
        want: ['node:$TAG'],
      },
    ],
    test,
  );
});
