// Reading a Hugging Face model before a command runs: the one async step. The resolver is injected (the
// adapters pass hub/client.ts; tests pass a stub), so commands stay free of I/O and platform code.
import type { ModelSpec } from '../src/catalog/types.ts';
import { HubLookupError, type HubResolver } from '../src/query/hub-ref.ts';
import { EXAMPLE } from '../src/query/parse.ts';
import type { Reply } from './types.ts';

export interface AsyncDeps {
  hub: HubResolver;
}

/** The one wording of "our fault" (a bug), as a reply... */
export const FAULT_REPLY = {
  kind: 'error',
  message: 'something went wrong on our side; it has been logged',
  example: `/vram ${EXAMPLE}`,
  ephemeral: true,
} as const satisfies Reply;

/** ...and as plain text, for an adapter's last net (when even rendering the reply failed). */
export const FAULT_TEXT = `Something went wrong on our side; it has been logged. Try again, or try \`${FAULT_REPLY.example}\`.`;

/**
 * The architecture for a Hub id, or the reply to give instead: a lookup failure the asker can act on (not
 * found, gated, rate limited, timed out, malformed) becomes an error reply; anything else is a fault.
 */
export async function resolveHub(
  id: string,
  deps: AsyncDeps,
  onFault?: (err: unknown) => void,
): Promise<{ spec: ModelSpec } | { reply: Reply }> {
  try {
    return { spec: await deps.hub.resolve(id) };
  } catch (err) {
    if (err instanceof HubLookupError)
      return { reply: { kind: 'error', message: err.message, example: `/vram ${EXAMPLE}`, ephemeral: true } };
    onFault?.(err);
    return { reply: FAULT_REPLY };
  }
}
