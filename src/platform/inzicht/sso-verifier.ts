import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { TabSsoConfig } from '../../config';

export type SsoRefusal =
  'off' | 'missing' | 'expired' | 'audience' | 'issuer' | 'tenant' | 'signature' | 'invalid';
export type SsoResult = { ok: true; oid: string } | { ok: false; reason: SsoRefusal };

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/**
 * Checks the Teams SSO token the tab sends: signature against the tenant's published keys (or the
 * local test issuer's, only in local mode), issuer, audience, tenant, expiry; RS256 only. The reason
 * of a refusal is for the log; the token itself is never logged.
 */
export class SsoVerifier {
  private readonly keys?: JWTVerifyGetKey;

  constructor(private readonly config: TabSsoConfig) {
    if (config.mode !== 'off')
      this.keys = createRemoteJWKSet(new URL(config.jwksUrl), {
        timeoutDuration: 5000,
        cooldownDuration: 30_000,
      });
  }

  get mode(): TabSsoConfig['mode'] {
    return this.config.mode;
  }

  async verify(authorization: string | undefined, now: Date): Promise<SsoResult> {
    const config = this.config;
    if (config.mode === 'off' || !this.keys) return { ok: false, reason: 'off' };
    const token = BEARER.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, reason: 'missing' };
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: config.issuers,
        audience: config.audiences,
        algorithms: ['RS256'],
        currentDate: now,
        clockTolerance: 60,
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      });
      if (String(payload.tid).toLowerCase() !== config.tenantId.toLowerCase())
        return { ok: false, reason: 'tenant' };
      const oid = String(payload.oid);
      return GUID.test(oid) ? { ok: true, oid: oid.toLowerCase() } : { ok: false, reason: 'invalid' };
    } catch (err) {
      return { ok: false, reason: reasonOf(err) };
    }
  }
}

function reasonOf(err: unknown): SsoRefusal {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'audience';
    if (err.claim === 'iss') return 'issuer';
    return 'invalid';
  }
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey)
    return 'signature';
  return 'invalid';
}
