/**
 * Loaded with `--import` into a bot process of a scale-out test or benchmark (bot-cluster.ts): every
 * outgoing HTTP request carries the instance's name, so the fake connector can say who sent what.
 */
import http from 'node:http';

const name = process.env.WEBSITE_INSTANCE_ID;
const original = http.request.bind(http) as (...args: unknown[]) => http.ClientRequest;
if (name)
  (http as { request: unknown }).request = (...args: unknown[]): http.ClientRequest => {
    const request = original(...args);
    if (!request.headersSent) request.setHeader('x-panelbot-instance', name);
    return request;
  };
