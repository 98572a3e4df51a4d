/**
 * Foundation benchmarks (issue 2):
 *  - pipeline overhead vs plain axios against a local no-op server at 200 concurrent calls (target ≤ 1.15x)
 *  - limiter precision for a 50 rps / burst 10 bucket over 10 s (achieved/ideal ≥ 0.98)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { Limiter } from '../src/http/limiter.js';
import { op, Pipeline } from '../src/http/index.js';

async function noopServer() {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function timeBatches(n: number, concurrency: number, fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let done = 0; done < n; done += concurrency) {
    await Promise.all(Array.from({ length: Math.min(concurrency, n - done) }, fn));
  }
  return performance.now() - start;
}

export async function pipelineOverhead(total = 4000, concurrency = 200) {
  const { server, url } = await noopServer();
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const plain = axios.create({ httpAgent: agent, proxy: false });
  const transport = axios.create({ httpAgent: agent, proxy: false, validateStatus: () => true });
  const pipeline = new Pipeline({ marketplace: 'bench', account: 'a', baseUrl: url, transport, mapError: () => undefined });
  const ping = op({ id: 'ping', method: 'GET', path: '/ping', idempotent: true });
  // Warm up both paths, then alternate rounds to even out noise.
  await timeBatches(400, concurrency, () => plain.get(`${url}/ping`));
  await timeBatches(400, concurrency, () => pipeline.call(ping, {}));
  let axiosMs = 0;
  let pipeMs = 0;
  for (let round = 0; round < 3; round++) {
    axiosMs += await timeBatches(total, concurrency, () => plain.get(`${url}/ping`));
    pipeMs += await timeBatches(total, concurrency, () => pipeline.call(ping, {}));
  }
  agent.destroy();
  server.close();
  return { axiosMs: Math.round(axiosMs), pipelineMs: Math.round(pipeMs), ratio: Number((pipeMs / axiosMs).toFixed(3)) };
}

export async function limiterPrecision(seconds = 10, perSecond = 50, burst = 10) {
  const limiter = new Limiter();
  const plan = { perSecond, burst };
  const start = performance.now();
  let granted = 0;
  const until = start + seconds * 1000;
  const workers = Array.from({ length: 20 }, async () => {
    while (performance.now() < until) {
      await limiter.acquire('bench', plan);
      if (performance.now() <= until) granted++;
    }
  });
  await Promise.all(workers);
  const ideal = burst + perSecond * seconds;
  return { granted, ideal, ratio: Number((granted / ideal).toFixed(4)) };
}

export async function run(): Promise<Record<string, number>> {
  const o = await pipelineOverhead();
  const l = await limiterPrecision();
  console.log(`pipeline overhead: axios ${o.axiosMs} ms, pipeline ${o.pipelineMs} ms → ratio ${o.ratio} (target ≤ 1.15)`);
  console.log(`limiter precision: ${l.granted} granted / ${l.ideal} ideal over 10 s at 50 rps burst 10 → ${l.ratio} (target ≥ 0.98)`);
  return { pipelineOverheadRatio: o.ratio, limiterPrecision: l.ratio };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
