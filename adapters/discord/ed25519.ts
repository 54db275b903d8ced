// Ed25519 signature checks for Discord's interactions endpoint. Every request pays for one, so it is the
// single largest cost of an answer: on this project's 2-core EPYC VM, OpenSSL 3.0 (node:crypto) verifies in
// ~180 us and libsodium (sodium-native, prebuilt binaries) in ~105 us. libsodium is used when its binary
// loads; otherwise node:crypto, with the same answers (test/discord-ed25519.test.ts checks they agree).
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';

/** A Discord application's public key, in the two shapes the two backends take. */
export interface Ed25519PublicKey {
  /** The 32 raw bytes (libsodium). */
  readonly raw: Buffer;
  /** The same key as a KeyObject (node:crypto). */
  readonly key: KeyObject;
}

/** ASN.1 SPKI header for a raw 32-byte Ed25519 public key (RFC 8410). */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The portal's hex public key -> both shapes. The error never repeats the key. */
export function publicKeyFromHex(hex: string): Ed25519PublicKey {
  const clean = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(clean))
    throw new Error(
      'DISCORD_PUBLIC_KEY must be the 64 hex characters from Developer Portal > your application > General Information > Public Key',
    );
  const raw = Buffer.from(clean, 'hex');
  const key = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
  return { raw, key };
}

/**
 * Whether 32 bytes encode a point of the Ed25519 curve (RFC 8032 5.1.3 decoding): y < p, and
 * x^2 = (y^2 - 1) / (d y^2 + 1) has a square root mod p. A key that is not a point verifies nothing, so it
 * is refused at start instead of answering every request with 401.
 */
export function isEd25519Point(raw: Buffer): boolean {
  if (raw.length !== 32) return false;
  const P = 2n ** 255n - 19n;
  const D = (-121665n * modPow(121666n, P - 2n, P)) % P;
  const bytes = Buffer.from(raw);
  const sign = bytes[31]! >> 7;
  bytes[31]! &= 0x7f;
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`);
  if (y >= P) return false;
  const y2 = (y * y) % P;
  const u = (y2 - 1n + P) % P;
  const v = (((D * y2) % P) + 1n + P) % P;
  const x2 = (u * modPow(v, P - 2n, P)) % P;
  if (x2 === 0n) return sign === 0;
  // Euler's criterion: a square mod p has x2^((p-1)/2) = 1.
  return modPow(x2, (P - 1n) / 2n, P) === 1n;
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = ((base % mod) + mod) % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}

export type Ed25519Verify = (key: Ed25519PublicKey, message: Buffer, signature: Buffer) => boolean;

export const verifyWithOpenssl: Ed25519Verify = (key, message, signature) =>
  verify(null, message, key.key, signature);

type SodiumVerify = (signature: Buffer, message: Buffer, publicKey: Buffer) => boolean;

function loadLibsodium(): Ed25519Verify | null {
  try {
    const sodium = createRequire(import.meta.url)('sodium-native') as {
      crypto_sign_verify_detached: SodiumVerify;
    };
    const check = sodium.crypto_sign_verify_detached;
    return (key, message, signature) => check(signature, message, key.raw);
  } catch {
    // No prebuilt binary for this platform: node:crypto gives the same answers, a little slower.
    return null;
  }
}

/** libsodium's verify, or null where its binary does not load. */
export const verifyWithLibsodium: Ed25519Verify | null = loadLibsodium();

export const ed25519Backend: 'libsodium' | 'openssl' = verifyWithLibsodium ? 'libsodium' : 'openssl';

/** True only for a well-formed signature of `message` by `key`; never throws. */
export function verifyEd25519(key: Ed25519PublicKey, message: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return (verifyWithLibsodium ?? verifyWithOpenssl)(key, message, signature);
  } catch {
    return false;
  }
}
