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
