// Shared test helpers: run a query through the whole engine path.
import { parseQuery, QueryError } from '../src/query/parse.ts';
import { buildReport, type Report } from '../src/report.ts';
import { estimate, type Estimate } from '../src/estimate.ts';
import { handle } from '../commands/index.ts';
import type { Reply } from '../commands/types.ts';

export const GiB = 2 ** 30;

export function report(query: string): Report {
  const { request, model, askedAs } = parseQuery(query);
  return buildReport(request, model, askedAs);
}

export function est(query: string): Estimate {
  const { request, model } = parseQuery(query);
  return estimate(request, model);
}

export function component(
  r: { components: ReadonlyArray<{ id: string; bytes: number }> },
  id: string,
): number {
  const c = r.components.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} component`);
  return c.bytes;
}

/** The estimate reply a chat line gets (through the command layer); throws if it is anything else. */
export function estimateReply(text: string): Extract<Reply, { kind: 'estimate' }> {
  const reply = handle({ text });
  if (reply.kind !== 'estimate') throw new Error(`${text}: ${reply.kind}`);
  return reply;
}

/** The one-line QueryError a query gets; throws if it is accepted or fails any other way. */
export function refused(text: string): string {
  try {
    parseQuery(text);
  } catch (err) {
    if (err instanceof QueryError) return err.message;
    throw err;
  }
  throw new Error(`"${text}" was accepted`);
}
