import { createHmac, timingSafeEqual } from 'node:crypto';

export interface DownloadFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

type Producer = (id: string, subject: string) => Promise<DownloadFile | undefined>;

interface Claims {
  k: string;
  i: string;
  s: string;
  e: number;
}

/**
 * Signed, expiring links for files people open from a card (calendar files, exports, reports). The
 * link carries who it was made for; the producer checks that person may still have the file.
 */
export class Downloads {
  private readonly producers = new Map<string, Producer>();

  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly now: () => Date,
  ) {}

  register(kind: string, producer: Producer): void {
    this.producers.set(kind, producer);
  }

  link(kind: string, id: string, subject: string, ttlMs = 7 * 86_400_000): string {
    const claims: Claims = { k: kind, i: id, s: subject, e: this.now().getTime() + ttlMs };
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${this.baseUrl}/files/${payload}.${this.sign(payload)}`;
  }

  async resolve(token: string): Promise<DownloadFile | undefined> {
    const [payload, sig] = token.split('.');
    if (!payload || !sig) return undefined;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let claims: Claims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
    } catch {
      return undefined;
    }
    if (claims.e < this.now().getTime()) return undefined;
    return this.producers.get(claims.k)?.(claims.i, claims.s);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
