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
