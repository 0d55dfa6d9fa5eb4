import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type BotFrameworkAuthentication,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import { LRUCache } from 'lru-cache';

/** Distinct (bot, channel endpoint, audience) triples kept; Teams uses a handful of regional endpoints. */
const MAX_CLIENTS = 32;

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient (each an HTTP
 * pipeline with its policies) for every incoming activity: about an eighth of a FAQ turn's CPU.
 * A client holds no per-turn state (its credentials fetch and refresh their own token), so one
 * per bot and endpoint serves every turn, as botbuilder's older BotFrameworkAdapter did.
 * Changes the given instance and returns it; a client that failed to build is not kept.
 */
export function cacheChannelClients<T extends BotFrameworkAuthentication>(auth: T, max = MAX_CLIENTS): T {
  const connectors = new LRUCache<string, Promise<ConnectorClient>>({ max });
  const tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max });

  const cachedFactory = (inner: ConnectorFactory | undefined, claims: ClaimsIdentity): ConnectorFactory | undefined => {
    if (!inner) return inner;
    return {
      create: (serviceUrl: string, audience?: string) =>
        remember(connectors, `${botOf(claims)}\n${serviceUrl}\n${audience ?? ''}`, () => inner.create(serviceUrl, audience)),
    };
  };

  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args): Promise<AuthenticateRequestResult> => {
    const result = await authenticate(...args);
    return { ...result, connectorFactory: cachedFactory(result.connectorFactory, result.claimsIdentity) as ConnectorFactory };
  };
  const createFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims) => cachedFactory(createFactory(claims), claims) as ConnectorFactory;
  const createTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (claims) => remember(tokenClients, botOf(claims), () => createTokenClient(claims));
  return auth;
}

/** The bot the clients act for: the token's audience (the bot's app id; empty when anonymous). */
function botOf(claims: ClaimsIdentity): string {
  return claims?.getClaimValue(AuthenticationConstants.AudienceClaim) ?? '';
}

function remember<T extends object>(cache: LRUCache<string, Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  const kept = cache.get(key);
  if (kept) return kept;
  const made = build();
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}
