import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { cacheChannelClients } from '../../src/bot/connector-cache';

// Anonymous auth (no app id), as in local runs: authenticateRequest accepts a request with no header.
const activity = (serviceUrl: string) => ({ type: 'message', serviceUrl, channelId: 'msteams' }) as Activity;

/** The real authentication, with its connector factory counting the clients it builds, per URL. */
function countingAuth(failFirst = false) {
  const auth = new ConfigurationBotFrameworkAuthentication({});
  const built: string[] = [];
  const original = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (claims) => {
    const factory = original(claims);
    return {
      create: (url: string, audience?: string) => {
        built.push(url);
        return failFirst && built.length === 1 ? Promise.reject(new Error('no token')) : factory.create(url, audience);
      },
    };
  };
  return { auth: cacheChannelClients(auth), built };
}

async function connectorFor(auth: ConfigurationBotFrameworkAuthentication, serviceUrl: string) {
  const result = await auth.authenticateRequest(activity(serviceUrl), '');
  return auth.createConnectorFactory(result.claimsIdentity).create(serviceUrl, result.audience);
}

describe('cacheChannelClients', () => {
  it('when two turns come from the same channel endpoint, then they share one connector client and one token client', async () => {
    const { auth, built } = countingAuth();
    const first = await connectorFor(auth, 'https://smba.example/emea/');
    expect(await connectorFor(auth, 'https://smba.example/emea/')).toBe(first);
    expect(built).toEqual(['https://smba.example/emea/']);

    const identity = (await auth.authenticateRequest(activity('https://smba.example/emea/'), '')).claimsIdentity;
    expect(await auth.createUserTokenClient(identity)).toBe(await auth.createUserTokenClient(identity));
  });

  it('when a request is authenticated, then the factory it carries shares the clients too', async () => {
    const auth = cacheChannelClients(new ConfigurationBotFrameworkAuthentication({}));
    const clients = await Promise.all(
      [1, 2].map(async () =>
        (await auth.authenticateRequest(activity('https://smba.example/'), '')).connectorFactory?.create('https://smba.example/'),
      ),
    );
    expect(clients[0]).toBeDefined();
    expect(clients[1]).toBe(clients[0]);
  });

  it('when the endpoints differ, then each gets its own client, built for its own URL', async () => {
    const { auth, built } = countingAuth();
    const emea = await connectorFor(auth, 'https://smba.example/emea/');
    const amer = await connectorFor(auth, 'https://smba.example/amer/');
    expect(amer).not.toBe(emea);
    expect(built).toEqual(['https://smba.example/emea/', 'https://smba.example/amer/']);
  });

  it('when more endpoints than the bound are seen, then the least recently used client is let go', async () => {
    const auth = cacheChannelClients(new ConfigurationBotFrameworkAuthentication({}), 2);
    const a = await connectorFor(auth, 'https://a.example/');
    const c = await connectorFor(auth, 'https://c.example/');
    await connectorFor(auth, 'https://b.example/');
    expect(await connectorFor(auth, 'https://b.example/')).not.toBe(a);
    expect(await connectorFor(auth, 'https://c.example/')).toBe(c);
    expect(await connectorFor(auth, 'https://a.example/')).not.toBe(a);
  });

  it('when building a client fails, then the failure is not kept and the next turn builds again', async () => {
    const { auth, built } = countingAuth(true);
    await expect(connectorFor(auth, 'https://smba.example/')).rejects.toThrow('no token');
    const client = await connectorFor(auth, 'https://smba.example/');
    expect(await connectorFor(auth, 'https://smba.example/')).toBe(client);
    expect(built).toHaveLength(2);
  });
});
