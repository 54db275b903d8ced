// Slack request signing: v0=HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + raw body), hex.
// Checked against the raw bytes before anything is parsed, in constant time, and with a timestamp window
// in BOTH directions (Bolt's own check only rejects the past, so a future-dated capture would replay).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SLACK_LIMITS } from './limits.ts';

export type Verification = { ok: true } | { ok: false; reason: string };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

export function sign(secret: string, timestamp: string | number, body: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

/** `nowMs` is the receiver's clock; the reason is for the log only (the client gets a bare 401). */
export function verifyRequest(secret: string, req: SignedRequest, nowMs: number): Verification {
  if (!req.signature || !req.timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(req.timestamp)) return { ok: false, reason: 'malformed timestamp' };
  const skew = Math.abs(nowMs / 1000 - Number(req.timestamp));
  if (skew > SLACK_LIMITS.requestSkewSeconds)
    return { ok: false, reason: 'timestamp outside the 5-minute window' };
  const expected = Buffer.from(sign(secret, req.timestamp, req.body));
  const given = Buffer.from(req.signature);
  // timingSafeEqual needs equal lengths; a length mismatch is a mismatch (and leaks only the known length).
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad signature' };
  return { ok: true };
}
