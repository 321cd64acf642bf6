import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Microsoft's Bot Framework key service on loopback (its OpenID document and signing keys), and
 * tokens signed as the Bot Connector signs them: RS256 with a published key, issuer
 * https://api.botframework.com, the bot's app id as audience.
 */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

export interface FakeBotFrameworkKeys {
  openIdMetadataUrl: string;
  /** A token as the Bot Connector would send it; `overrides` change claims, header or key. */
  token(
    appId: string,
    overrides?: { claims?: Record<string, unknown>; header?: Record<string, unknown>; key?: KeyObject },
  ): string;
  /** A key that is not published. */
  otherKey: KeyObject;
  close(): Promise<void>;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startFakeBotFrameworkKeys(): Promise<FakeBotFrameworkKeys> {
  const published = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = published.publicKey.export({ format: 'jwk' });
  let base = '';
  const server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/openid') {
      res.end(JSON.stringify({ issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/keys` }));
    } else if (req.url === '/keys') {
      res.end(
        JSON.stringify({
          keys: [
            { kty: 'RSA', use: 'sig', kid: 'published-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] },
          ],
        }),
      );
    } else {
      res.writeHead(404).end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/openid`,
    otherKey: other.privateKey,
    token(appId, overrides = {}) {
      const now = Math.floor(Date.now() / 1000);
      const header = { alg: 'RS256', typ: 'JWT', kid: 'published-key', ...overrides.header };
      const claims = {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: appId,
        nbf: now - 60,
        exp: now + 3600,
        serviceurl: 'https://smba.trafficmanager.net/uk/',
        ...overrides.claims,
      };
      const unsigned = `${base64url(header)}.${base64url(claims)}`;
      const signature = createSign('RSA-SHA256')
        .update(unsigned)
        .sign(overrides.key ?? published.privateKey)
        .toString('base64url');
      return `${unsigned}.${signature}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
