import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import type { Server } from 'node:http';
import { localTenantId } from '../../src/config';
import { startLoopbackServer, stopLoopbackServer } from './loopback-server';

export interface TokenClaims {
  oid: string;
  tid?: string;
  aud?: string;
  iss?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

const KID = 'local-test-key';

/**
 * A stand-in for Entra ID in local mode: its own RSA keys, the public one published as a JWKS on
 * loopback (`<issuer>/keys`), and tokens shaped like Teams SSO tokens (v2: iss, aud, tid, oid).
 */
export class LocalTokenIssuer {
  private constructor(
    readonly issuer: string,
    private readonly server: Server,
    private readonly key: KeyLike,
  ) {}

  static async start(): Promise<LocalTokenIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    const { server, origin } = await startLoopbackServer(() => async (req, res) => {
      if (req.url !== '/keys') {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    return new LocalTokenIssuer(origin, server, privateKey);
  }

  /** The environment that points the bot at this issuer (local mode only). */
  get env(): Record<string, string> {
    return { LOCAL_NO_AUTH: '1', LOCAL_TOKEN_ISSUER: this.issuer };
  }

  token(claims: TokenClaims, now: Date, signWith?: KeyLike): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ tid: claims.tid ?? localTenantId, oid: claims.oid, ver: '2.0' })
      .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
      .setIssuer(claims.iss ?? this.issuer)
      .setAudience(claims.aud ?? 'api://localhost/panelbot-local')
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + (claims.expiresIn ?? 3600))
      .sign(signWith ?? this.key);
  }

  /** A token with the right shape and kid, signed by a key nobody published. */
  async forged(claims: TokenClaims, now: Date): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    return this.token(claims, now, privateKey);
  }

  stop(): Promise<void> {
    return stopLoopbackServer(this.server);
  }
}
