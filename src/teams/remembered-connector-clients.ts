import type {
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
} from 'botframework-connector';

/** Enough for every Bot Connector endpoint (a handful per cloud) times the bot identities we act as. */
const MAX_REMEMBERED = 64;
/** The claims that decide which app a client acts as; the rest (issuer, expiry, service URL) do not. */
const IDENTITY_CLAIMS = new Set(['aud', 'appid', 'azp']);

/**
 * CloudAdapter builds a new ConnectorClient (an HTTP pipeline of a dozen policies) and a new
 * UserTokenClient for every turn: about a third of a millisecond of CPU each time, for objects
 * that hold nothing but the endpoint and credentials (which fetch and refresh their own tokens).
 * The older BotFrameworkAdapter kept one client per service URL; this does the same, per app
 * identity, service URL and audience.
 */
export function rememberConnectorClients(auth: BotFrameworkAuthentication): void {
  const clients = new Map<string, Promise<ConnectorClient>>();
  const tokenClients = new Map<string, ReturnType<BotFrameworkAuthentication['createUserTokenClient']>>();
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  const remembering = (factory: ConnectorFactory, claims: ClaimsIdentity) => {
    const create = factory.create.bind(factory);
    factory.create = (serviceUrl, audience) =>
      remembered(clients, `${identityOf(claims)}|${serviceUrl}|${audience ?? ''}`, () =>
        create(serviceUrl, audience),
      );
    return factory;
  };

  // Proactive sends ask for a factory; an incoming turn is handed one with its authentication.
  auth.createConnectorFactory = (claims) => remembering(createConnectorFactory(claims), claims);
  auth.authenticateRequest = async (activity, header) => {
    const result = await authenticateRequest(activity, header);
    if (result.connectorFactory) remembering(result.connectorFactory, result.claimsIdentity);
    return result;
  };
  auth.createUserTokenClient = (claims) =>
    remembered(tokenClients, identityOf(claims), () => createUserTokenClient(claims));
}

function identityOf(claims: ClaimsIdentity): string {
  return claims.claims
    .filter((claim) => IDENTITY_CLAIMS.has(claim.type))
    .map((claim) => `${claim.type}=${claim.value}`)
    .sort()
    .join('&');
}

/** A failed creation is not remembered, so the next turn tries again. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const made = make();
  made.catch(() => cache.delete(key));
  if (cache.size >= MAX_REMEMBERED) cache.delete(cache.keys().next().value as string);
  cache.set(key, made);
  return made;
}
