import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * App Service's managed-identity endpoint, as the platform runs it beside a Web App: plain http
 * on loopback, a secret header, `resource` and `client_id` in the query. It hands out JWTs that a
 * Storage account (here Azurite's "basic" OAuth) accepts: Storage audience, Entra issuer, an hour.
 */
export interface FakeManagedIdentity {
  /** IDENTITY_ENDPOINT and IDENTITY_HEADER, exactly the variables App Service sets. */
  env: { IDENTITY_ENDPOINT: string; IDENTITY_HEADER: string };
  requests: Array<{ resource: string | null; clientId: string | null; headerOk: boolean }>;
  tokensIssued: string[];
  close(): Promise<void>;
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function storageToken(tenantId: string, clientId: string, nowSeconds = Math.floor(Date.now() / 1000)) {
  return [
    base64url({ alg: 'RS256', typ: 'JWT' }),
    base64url({
      aud: 'https://storage.azure.com',
      iss: `https://sts.windows.net/${tenantId}/`,
      iat: nowSeconds - 60,
      nbf: nowSeconds - 60,
      exp: nowSeconds + 3600,
      appid: clientId,
      oid: clientId,
    }),
    'not-verified-by-azurite',
  ].join('.');
}

export async function startFakeManagedIdentity(tenantId: string): Promise<FakeManagedIdentity> {
  const secretHeader = `identity-header-${Math.random().toString(36).slice(2)}`;
  const requests: FakeManagedIdentity['requests'] = [];
  const tokensIssued: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headerOk = req.headers['x-identity-header'] === secretHeader;
    const clientId = url.searchParams.get('client_id');
    requests.push({ resource: url.searchParams.get('resource'), clientId, headerOk });
    if (!headerOk) {
      res.writeHead(401).end();
      return;
    }
    const token = storageToken(tenantId, clientId ?? 'system-assigned');
    tokensIssued.push(token);
    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        access_token: token,
        expires_on: String(expiresOn),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
        client_id: clientId,
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    env: { IDENTITY_ENDPOINT: `http://127.0.0.1:${port}/msi/token`, IDENTITY_HEADER: secretHeader },
    requests,
    tokensIssued,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
