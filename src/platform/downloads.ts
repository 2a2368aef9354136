import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

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
  /** The link's own id: it is spent on first use. */
  j: string;
}

/** Where spent link ids are kept until the link would have expired anyway. */
export interface SpentLinks {
  /** True the first time an id is spent; false ever after (across instances when stored). */
  spend(linkId: string, expiresAt: number): Promise<boolean>;
}

/** For tests and tools without a store: spent ids live as long as the process. */
export class InMemorySpentLinks implements SpentLinks {
  private readonly spent = new Set<string>();
  async spend(linkId: string): Promise<boolean> {
    if (this.spent.has(linkId)) return false;
    this.spent.add(linkId);
    return true;
  }
}

/** Ten minutes: long enough to click a fresh card's button, too short to be worth finding in a log. */
export const downloadLinkTtlMs = 10 * 60_000;

/**
 * Signed, short-lived, single-use links for files people open from a card (calendar files, exports,
 * reports). The link carries who it was made for; the producer checks that person may still have the
 * file. A link seen in a proxy log or telemetry is already spent (docs/security.md, finding 9).
 */
export class Downloads {
  private readonly producers = new Map<string, Producer>();

  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly now: () => Date,
    private readonly spent: SpentLinks = new InMemorySpentLinks(),
  ) {}

  register(kind: string, producer: Producer): void {
    this.producers.set(kind, producer);
  }

  link(kind: string, id: string, subject: string, ttlMs = downloadLinkTtlMs): string {
    const claims: Claims = {
      k: kind,
      i: id,
      s: subject,
      e: this.now().getTime() + ttlMs,
      j: randomBytes(12).toString('base64url'),
    };
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
    if (typeof claims.j !== 'string' || !(claims.e >= this.now().getTime())) return undefined;
    const producer = this.producers.get(claims.k);
    if (!producer || !(await this.spent.spend(claims.j, claims.e))) return undefined;
    return producer(claims.i, claims.s);
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}
