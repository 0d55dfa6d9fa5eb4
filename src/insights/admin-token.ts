import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export interface AdminTokenSettings {
  /** The bot's app id: a v2 token names it as its audience. */
  readonly appId: string;
  /** `api://BOT_DOMAIN/appId`, the tab's sign-in resource: a v1 token names it as its audience. */
  readonly resource?: string;
  /** Only people of this Microsoft Entra tenant. */
  readonly tenantId: string;
  /** Microsoft Entra object ids of the people who may see the figures (SUPPORT_ADMINS). */
  readonly admins: readonly string[];
  /** Where the tenant's signing keys are published; tests serve their own on loopback. */
  readonly keysUrl?: string;
}

/** What a request's Authorization header proves: someone allowed, someone not allowed, or nobody. */
export type AdminCheck = { readonly allowed: true } | { readonly allowed: false; readonly status: 401 | 403; readonly reason: string };

// Entra tokens are a few kilobytes; anything far larger is not one and is not parsed.
const MAX_TOKEN_LENGTH = 8192;
const BEARER = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/;
// A few minutes of clock difference between this host and Entra's.
const CLOCK_TOLERANCE_SECONDS = 120;

/** The keys of the public cloud's tenant endpoint (the same keys sign v1 and v2 tokens). */
export const entraKeysUrl = (tenantId: string): string => `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;

/**
 * Checks the token the Teams tab got from `authentication.getAuthToken()`: signed by the tenant's
 * published keys, for this app, issued by this tenant, not expired; then that the person is an
 * admin. Keys are fetched on first use and cached by jose (refetched for an unknown key id).
 */
export class AdminTokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly issuers: string[];
  private readonly audiences: string[];

  constructor(private readonly settings: AdminTokenSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.keysUrl ?? entraKeysUrl(settings.tenantId)), { timeoutDuration: 5000 });
    // v2 tokens carry the first issuer, v1 tokens (the default for an app registration) the second.
    this.issuers = [`https://login.microsoftonline.com/${settings.tenantId}/v2.0`, `https://sts.windows.net/${settings.tenantId}/`];
    this.audiences = [settings.appId, ...(settings.resource ? [settings.resource] : [])];
  }

  async check(authorization: string | undefined): Promise<AdminCheck> {
    if (!authorization) return refused(401, 'no token');
    if (authorization.length > MAX_TOKEN_LENGTH) return refused(401, 'token too long');
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return refused(401, 'not a bearer token');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        audience: this.audiences,
        issuer: this.issuers,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'tid', 'oid'],
      }));
    } catch (error) {
      // jose's code and, for a claim, its name: what an operator needs, never the token itself.
      const { code, claim } = error as { code?: string; claim?: string };
      return refused(401, `${code ?? 'token not verified'}${claim ? ` (${claim})` : ''}`);
    }
    if (payload.tid !== this.settings.tenantId) return refused(401, 'another tenant');
    const oid = typeof payload.oid === 'string' ? payload.oid.toLowerCase() : '';
    const admin = this.settings.admins.some((id) => id.toLowerCase() === oid);
    return admin ? { allowed: true } : refused(403, 'not in SUPPORT_ADMINS');
  }
}

const refused = (status: 401 | 403, reason: string): AdminCheck => ({ allowed: false, status, reason });
