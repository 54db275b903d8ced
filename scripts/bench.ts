// `npm run bench`: throughput of a full request on one core, with p50/p99 latency.
//   engine       parse + estimate + fit over the whole GPU catalog + suggestions (the reply model)
//   + text       ... + rendered for the terminal (what the console adapter sends)
//   + json       ... + the CLI's JSON (88 fit rows serialized)
//   + discord    engine + the Discord embed message, serialized (what the interactions endpoint sends)
//   + slack      engine + the Slack Block Kit message, serialized (what the slash command ack carries)
//   error reply  an unknown word with its did-you-mean search over the whole vocabulary
//   what can my GPU run  a hardware-first question: the catalog fitted at its formats, rendered
// Then the HTTP endpoints under load, cold start and memory (scripts/bench-http.ts).
// Writes bench-results/bench.json. Never part of `npm test`. BENCH_ENGINE_ONLY=1 skips the HTTP part.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { handle } from '../commands/index.ts';
import { renderText } from '../adapters/console/render.ts';
import { renderReply as renderDiscord } from '../adapters/discord/render.ts';
import { renderReply as renderSlack } from '../adapters/slack/render.ts';
import { toJson } from '../src/report.ts';
import { GPUS } from '../src/catalog/gpus.ts';
import { benchHttp } from './bench-http.ts';
import { LOAD_GENERATOR } from './lib/load.ts';

const QUERIES = [
  '13b int4 ctx=8192',
  'llama-3.1-70b q4_k_m ctx=32k',
  'mistral-7b qlora rank=16',
  'can i run llama 3.1 8b on my 4090 with 8k context?',
  'qwen3-30b-a3b awq runtime=vllm ctx=32k batch=8',
  'deepseek-r1 q2_k runtime=llama.cpp ctx=16k',
  'llama-3.1-8b full bf16 seq=4096 batch=2 gc=on',
  'gemma-3-27b q4_k_m 32k context on 2x3090',
];
/** "What can my GPU run?": the catalog fitted to one card per question. */
const HARDWARE_FIRST = [
  'what can i run on a 3090',
  'qlora on a 4090',
  'best coding model for my m4 max 64gb',
  'what can i run on 2x 3090 with 32k context',
];
const ERRORS = [
  'lamma-3-8b q4',
  'llama-3.1-8b on rtx 4099',
  'qwen2.5-7b ctx=99999999999',
  'mistral 7b q4_k_n',
];

type Stage = (q: string) => number;
const stages: Record<string, { queries: string[]; run: Stage }> = {
  engine: { queries: QUERIES, run: (q) => (handle({ text: q }).kind === 'estimate' ? 1 : 0) },
  'engine + text': { queries: QUERIES, run: (q) => renderText(handle({ text: q })).length },
  'engine + text + json': {
    queries: QUERIES,
    run: (q) => {
      const r = handle({ text: q });
      return renderText(r).length + (r.kind === 'estimate' ? JSON.stringify(toJson(r.report)).length : 0);
    },
  },
  'engine + discord': {
    queries: QUERIES,
    run: (q) => JSON.stringify(renderDiscord(handle({ text: q }))).length,
  },
  'engine + slack': { queries: QUERIES, run: (q) => JSON.stringify(renderSlack(handle({ text: q }))).length },
  'error reply': { queries: ERRORS, run: (q) => renderText(handle({ text: q })).length },
  'what can my GPU run': { queries: HARDWARE_FIRST, run: (q) => renderText(handle({ text: q })).length },
};

const N = Number(process.env.BENCH_REQUESTS ?? 20000);

function measure(name: string, queries: string[], run: Stage) {
  let sink = 0;
  for (let i = 0; i < 5000; i++) sink += run(queries[i % queries.length]!); // JIT warm-up
  const lat = new Float64Array(N);
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const s = performance.now();
    sink += run(queries[i % queries.length]!);
    lat[i] = performance.now() - s;
  }
  const seconds = (performance.now() - t0) / 1000;
  lat.sort();
  const pct = (p: number) => Number(lat[Math.min(N - 1, Math.floor((p / 100) * N))]!.toFixed(4));
  return {
    name,
    requests: N,
    requestsPerSecond: Math.round(N / seconds),
    p50ms: pct(50),
    p99ms: pct(99),
    sink,
  };
}

const results = Object.entries(stages).map(([name, s]) => measure(name, s.queries, s.run));
console.log(`engine benchmark: one core, ${N} requests per row, ${GPUS.length} GPUs fitted per request`);
console.log(`  ${'stage'.padEnd(22)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
for (const r of results) {
  console.log(
    `  ${r.name.padEnd(22)} ${String(r.requestsPerSecond).padStart(8)} ${r.p50ms.toFixed(3).padStart(8)} ${r.p99ms.toFixed(3).padStart(8)}`,
  );
}
const http = process.env.BENCH_ENGINE_ONLY ? null : await benchHttp();
if (http) {
  console.log(
    `\nHTTP endpoints: ${LOAD_GENERATOR.name}${LOAD_GENERATOR.version ? ` ${LOAD_GENERATOR.version}` : ' (install wrk for a ceiling the generator does not cap: apt-get install wrk)'}, ${http.connections} connections, signed requests; ${http.rounds} rounds of ${http.warmupSeconds} s warm-up + ${http.secondsPerEndpoint} s per row, median round shown`,
  );
  console.log(
    `  ${'endpoint'.padEnd(30)} ${'procs'.padStart(5)} ${'mix'.padEnd(10)} ${'req/s'.padStart(7)} ${'of bare'.padStart(8)} ${'of ref'.padStart(7)} ${'p50'.padStart(5)} ${'p99'.padStart(5)} ${'max'.padStart(6)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}  target`,
  );
  for (const r of http.endpoints) {
    const target = r.meetsTarget === null ? '' : r.meetsTarget ? 'met' : 'not met';
    console.log(
      `  ${r.name.padEnd(30)} ${String(r.workers).padStart(5)} ${r.mix.padEnd(10)} ${String(r.requestsPerSecond).padStart(7)} ${`${Math.round(r.ofCeiling * 100)}%`.padStart(8)} ${`${Math.round(r.ofReference * 100)}%`.padStart(7)} ${`${r.p50ms}`.padStart(5)} ${`${r.p99ms}`.padStart(5)} ${`${r.maxms}`.padStart(6)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}  ${target.padEnd(7)} ${r.rounds.join(' ')}`,
    );
  }
  console.log(
    `  (latencies in ms; "of bare" is against the same round's ceiling, its better bare row: ${http.ceilingsRequestsPerSecond.join(', ')} req/s; "of ref" against the endpoint's reference: Slack the ceiling, Discord the same round's bare + Ed25519 row. Targets, distinct mix: Slack >= ${http.target.slackOfBare * 100}%, Discord >= ${http.target.discordOfEd25519 * 100}% of ref, p99 < ${http.target.p99ms} ms, no errors)`,
  );
  console.log(
    `cold start: npm start -> first Slack answer ${http.coldStart.npmStartToFirstSlackAnswerMs} ms; CLI --json run ${http.coldStart.cliJsonRunMs} ms`,
  );
  console.log(
    `resident memory (one process): ${http.memory.rssAfterStartMiB} MiB after start, ${http.memory.rssAfter10kRequestsMiB} MiB after the load and 10,000 more requests`,
  );
}
const out = {
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  date: new Date().toISOString(),
  gpusInCatalog: GPUS.length,
  loadGenerator: LOAD_GENERATOR,
  engine: results.map(({ sink: _sink, ...r }) => r),
  http,
};
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/bench.json', JSON.stringify(out, null, 2) + '\n');
console.log('written: bench-results/bench.json');
