import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { OidcSettings } from './config.js';
import { log } from './log.js';

// The OIDC issuer as the hub sees it: its discovery document (where the console sends the
// browser, where the keys are) and its signing keys. Both are fetched lazily, on the first
// token or console visit that needs them, and kept; a failed fetch is retried next time, so
// an issuer that was down when the hub started does not need a restart once it is back.

export interface OidcDiscovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  end_session_endpoint?: string;
}

/** The issuer's keys could not be had (down, slow, not JSON): the token is not the problem. */
export class IssuerKeysUnavailable extends Error {}

const FETCH_TIMEOUT_MS = 5_000;

export class OidcIssuer {
  private discovered?: Promise<OidcDiscovery>;
  private known?: OidcDiscovery;
  private keySet?: ReturnType<typeof createRemoteJWKSet>;

  constructor(readonly settings: OidcSettings) {}

  /** <issuer>/.well-known/openid-configuration, fetched once (again after a failure). */
  discovery(): Promise<OidcDiscovery> {
    this.discovered ??= this.fetchDiscovery().then(
      (document) => (this.known = document),
      (error: Error) => {
        this.discovered = undefined;
        log.warn(`OIDC discovery at ${this.discoveryUrl} failed: ${error.message}`, { issuer: this.settings.issuer });
        throw error;
      },
    );
    return this.discovered;
  }

  /** The discovery document when it has been fetched already (no waiting). */
  get discoveredSoFar(): OidcDiscovery | undefined {
    return this.known;
  }

  get discoveryUrl(): string {
    return `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  }

  private async fetchDiscovery(): Promise<OidcDiscovery> {
    const response = await fetch(this.discoveryUrl, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`it answered HTTP ${response.status}`);
    const document = (await response.json()) as Partial<OidcDiscovery>;
    for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
      if (typeof document[field] !== 'string') throw new Error(`its document has no ${field}`);
    }
    // OpenID Connect Discovery 1.0 §4.3: the document must name the issuer it was asked about.
    if (document.issuer !== this.settings.issuer)
      throw new Error(
        `its document names the issuer "${document.issuer}", not "${this.settings.issuer}" (OIDC_ISSUER)`,
      );
    return document as OidcDiscovery;
  }

  /**
   * jose's key resolver over the issuer's JWKS (OIDC_JWKS_URI, else discovery's jwks_uri),
   * cached and refetched when a token names a key id it does not hold. Fetch failures become
   * IssuerKeysUnavailable; "no key matches" stays jose's own error (the token's fault).
   */
  readonly keys: JWTVerifyGetKey = async (header, token) => {
    let keySet;
    try {
      keySet = this.keySet ??= createRemoteJWKSet(new URL(this.settings.jwksUri ?? (await this.discovery()).jwks_uri), {
        timeoutDuration: FETCH_TIMEOUT_MS,
        cooldownDuration: 30_000,
        cacheMaxAge: 10 * 60_000,
      });
    } catch (error) {
      throw this.unavailable(error);
    }
    try {
      return await keySet(header, token);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (
        code === 'ERR_JWKS_NO_MATCHING_KEY' ||
        code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS' ||
        code === 'ERR_JOSE_NOT_SUPPORTED'
      )
        throw error;
      throw this.unavailable(error);
    }
  };

  private unavailable(error: unknown): IssuerKeysUnavailable {
    const cause = error as Error & { cause?: Error };
    const reason = cause.cause?.message ? `${cause.message} (${cause.cause.message})` : cause.message;
    log.warn(`the keys of OIDC issuer ${this.settings.issuer} could not be fetched: ${reason}`, {
      issuer: this.settings.issuer,
    });
    return new IssuerKeysUnavailable(
      `The keys of the token's issuer (${this.settings.issuer}) could not be fetched; try again later`,
    );
  }
}
