// The Hugging Face client every adapter shares, built from the validated configuration. Nothing is loaded
// or contacted until a query names a model the catalog does not know: the Hub libraries are imported on the
// first lookup, so starting (and every catalog answer) stays as fast as before.
import type { HubClientOptions } from '../../hub/client.ts';
import type { HubResolver } from '../../src/query/hub-ref.ts';
import type { Logger } from './log.ts';

export function hubFromConfig(
  env: { HF_TOKEN?: string; HF_ENDPOINT?: string },
  log?: Logger,
  extra: Partial<HubClientOptions> = {},
): HubResolver {
  let client: Promise<HubResolver> | undefined;
  const options: HubClientOptions = {
    ...(env.HF_ENDPOINT ? { endpoint: env.HF_ENDPOINT } : {}),
    ...(env.HF_TOKEN ? { token: env.HF_TOKEN } : {}),
    ...(log ? { log: (fields, msg) => log.info(fields, msg) } : {}),
    ...extra,
  };
  return {
    async resolve(id) {
      client ??= import('../../hub/client.ts').then((m) => m.createHubClient(options));
      return (await client).resolve(id);
    },
  };
}
