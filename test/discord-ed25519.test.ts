import { generateKeyPairSync, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ed25519Backend,
  publicKeyFromHex,
  verifyEd25519,
  verifyWithLibsodium,
  verifyWithOpenssl,
} from '../adapters/discord/ed25519.ts';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('hex');
  return { key: publicKeyFromHex(hex), privateKey };
}

describe('Ed25519 verification', () => {
  const { key, privateKey } = keyPair();
  const other = keyPair().key;

  it('uses libsodium where its prebuilt binary loads (linux-x64 here), else node:crypto', () => {
    expect(ed25519Backend).toBe(verifyWithLibsodium ? 'libsodium' : 'openssl');
    if (process.platform === 'linux' && process.arch === 'x64') expect(ed25519Backend).toBe('libsodium');
  });

  it('both backends accept a real signature and reject any one-bit change, another key, a bad length', () => {
    const backends = [verifyWithOpenssl, ...(verifyWithLibsodium ? [verifyWithLibsodium] : [])];
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(), (bytes, flipAt) => {
        const message = Buffer.from(bytes);
        const signature = sign(null, message, privateKey);
        const flippedSig = Buffer.from(signature);
        flippedSig[flipAt % 64]! ^= 1 << (flipAt % 8);
        for (const check of backends) {
          expect(check(key, message, signature)).toBe(true);
          expect(check(key, message, flippedSig)).toBe(false);
          expect(check(other, message, signature)).toBe(false);
          if (message.length > 0) {
            const flippedMsg = Buffer.from(message);
            flippedMsg[flipAt % message.length]! ^= 1;
            expect(check(key, flippedMsg, signature)).toBe(false);
          }
        }
        expect(verifyEd25519(key, message, signature)).toBe(true);
        expect(verifyEd25519(key, message, signature.subarray(0, 63))).toBe(false);
        expect(verifyEd25519(key, message, Buffer.concat([signature, Buffer.from([0])]))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a malformed public key without repeating it', () => {
    const bad = 'zz'.repeat(32);
    expect(() => publicKeyFromHex(bad)).toThrow(/DISCORD_PUBLIC_KEY must be the 64 hex characters/);
    try {
      publicKeyFromHex(bad);
    } catch (e) {
      expect(String(e)).not.toContain(bad);
    }
  });
});
