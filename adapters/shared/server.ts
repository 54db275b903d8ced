// The HTTP servers' shared bounds: slow clients are cut at the configured header and request timeouts,
// checked every second (Node checks every 30 s by default, so a 10 s bound held for ~35 s), and a process
// keeps at most MAX_CONNECTIONS sockets open (beyond that the kernel's backlog holds new ones).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export const MAX_CONNECTIONS = 2_048;
const CONNECTIONS_CHECK_MS = 1_000;

export function createBoundedServer(
  timeouts: { headersMs: number; requestMs: number },
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Server {
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: CONNECTIONS_CHECK_MS,
    },
    handler,
  );
  server.maxConnections = MAX_CONNECTIONS;
  return server;
}

/**
 * The raw body; 'too-large' once it passes `limit` (the rest is drained, not kept, so the client can read a
 * status); 'aborted' if the client went away mid-body. Both HTTP endpoints read their bodies with this.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    // Resolving again after 'end' is a no-op.
    req.on('error', () => resolve('aborted'));
    req.on('close', () => resolve(req.complete ? Buffer.concat(chunks) : 'aborted'));
  });
}
