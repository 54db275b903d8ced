// One autocannon run against 127.0.0.1:port, cycling through pre-signed requests.
import autocannon from 'autocannon';
import type { SignedRequest } from './signing.ts';

export async function runLoad(
  port: number,
  pool: readonly SignedRequest[],
  seconds: number,
  connections = 50,
) {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const r = pool[i++ % pool.length]!;
          return { ...req, method: 'POST', path: r.path, headers: r.headers, body: r.body };
        },
      },
    ],
  });
}
