import type { IncomingHttpHeaders } from 'node:http';
import type { AppConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import { AdminTokenVerifier, type AdminCheck } from './admin-token';

/** Who may see the figures: decided once from the configuration. */
export interface InsightsAccess {
  /** Whether the page itself (no figures in it) may be sent to this request. */
  mayLoadPage(request: AccessRequest): boolean;
  /** Whether the figures may be sent; otherwise the status to answer. */
  check(request: AccessRequest): Promise<AdminCheck>;
}

export interface AccessRequest {
  readonly remoteAddress: string | undefined;
  readonly headers: IncomingHttpHeaders;
}

// Set by reverse proxies: a request that went through one came from elsewhere, whatever the socket says.
const FORWARDED = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/** A request from this machine itself, not relayed by a proxy running on it. */
export function fromThisMachine({ remoteAddress, headers }: AccessRequest): boolean {
  if (FORWARDED.some((name) => headers[name] !== undefined)) return false;
  const address = (remoteAddress ?? '').replace(/^::ffff:/i, '');
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

const LOCAL_ONLY: AdminCheck = { allowed: false, status: 403, reason: 'not from this machine' };
const NOT_SET_UP: AdminCheck = { allowed: false, status: 401, reason: 'no tenant configured' };

type AccessConfig = Pick<AppConfig, 'MicrosoftAppId' | 'MicrosoftAppTenantId' | 'INSIGHTS_TENANT_ID' | 'BOT_DOMAIN' | 'SUPPORT_ADMINS'>;

/**
 * With MicrosoftAppId: the Teams tab's token, verified, and the person in SUPPORT_ADMINS. Without
 * (local use): this machine only, even with ALLOW_ANONYMOUS_REMOTE, which opens the chat, not the figures.
 */
export function insightsAccess(config: AccessConfig, logger: Logger, keysUrl?: string): InsightsAccess {
  const appId = config.MicrosoftAppId;
  if (!appId) {
    return { mayLoadPage: fromThisMachine, check: async (request) => (fromThisMachine(request) ? { allowed: true } : LOCAL_ONLY) };
  }
  const tenantId = config.INSIGHTS_TENANT_ID ?? config.MicrosoftAppTenantId;
  if (!tenantId) {
    const message = 'The Insights tab needs INSIGHTS_TENANT_ID or MicrosoftAppTenantId: every request is refused';
    logger.warn({ event: 'insights_not_set_up' }, message);
    return { mayLoadPage: () => true, check: async () => NOT_SET_UP };
  }
  const resource = config.BOT_DOMAIN ? `api://${config.BOT_DOMAIN}/${appId}` : undefined;
  const verifier = new AdminTokenVerifier({ appId, resource, tenantId, admins: config.SUPPORT_ADMINS, keysUrl });
  return { mayLoadPage: () => true, check: (request) => verifier.check(firstHeader(request.headers.authorization)) };
}

const firstHeader = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
