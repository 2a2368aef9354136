import { containers, type DocumentStore } from '../../storage/document-store.port';
import { updateWithRetry } from '../../storage/optimistic';
import { isConflictError } from '../../storage/store-errors';
import type { Advice, AgendaPoint, JoinRequest, Signal, SignalFigures } from './kernteam.types';

/**
 * The `kernteam` container:
 * - pk 'signal',             id signalId  → Signal (TTL from closure or advice: the record retention)
 * - pk 'advice',             id adviceId  → Advice (the bundle link: which signals it answers)
 * - pk 'figures',            id quarter   → SignalFigures (no TTL: outlives the signals)
 * - pk 'agenda:<yyyy-mm-dd>', id pointId  → AgendaPoint (TTL: some weeks after the meeting)
 * - pk 'join',               id requestId → JoinRequest (TTL once answered)
 */
const C = containers.kernteam;
const agendaPk = (meetingDate: string) => `agenda:${meetingDate}`;

export class KernteamRepository {
  constructor(private readonly store: DocumentStore) {}

  /** False when the id exists (a retried or double-clicked form). */
  private async createOnce<T>(pk: string, id: string, data: T, ttlSeconds?: number): Promise<boolean> {
    try {
      await this.store.create(C, { pk, id, data, ttlSeconds });
      return true;
    } catch (err) {
      if (isConflictError(err)) return false;
      throw err;
    }
  }

  createSignal(signal: Signal): Promise<boolean> {
    return this.createOnce('signal', signal.signalId, signal);
  }

  async signal(signalId: string): Promise<Signal | undefined> {
    return (await this.store.get<Signal>(C, 'signal', signalId))?.data;
  }

  async signals(): Promise<Signal[]> {
    const docs = await this.store.query<Signal>(C, {
      pk: 'signal',
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit: 500,
    });
    return docs.map((d) => d.data);
  }

  /** Etag-checked; `change` returns undefined to leave it; `ttlSeconds` starts the record's expiry. */
  updateSignal(
    signalId: string,
    change: (s: Signal) => { next: Signal; ttlSeconds?: number } | undefined,
  ): Promise<Signal | undefined> {
    return updateWithRetry<Signal, Signal | undefined>(this.store, C, 'signal', signalId, (current) => {
      const out = current && change(current.data);
      if (!out) return { kind: 'skip', result: undefined };
      return { kind: 'write', data: out.next, result: out.next, ttlSeconds: out.ttlSeconds };
    });
  }

  createAdvice(advice: Advice): Promise<boolean> {
    return this.createOnce('advice', advice.adviceId, advice);
  }

  async advice(adviceId: string): Promise<Advice | undefined> {
    return (await this.store.get<Advice>(C, 'advice', adviceId))?.data;
  }

  /** One more signal under the topic in the quarter; concurrent loggers each count. */
  async countSignal(quarter: string, topic: string): Promise<void> {
    await updateWithRetry<SignalFigures, void>(this.store, C, 'figures', quarter, (current) => {
      const byTopic = { ...(current?.data.byTopic ?? {}) };
      byTopic[topic] = (byTopic[topic] ?? 0) + 1;
      return { kind: 'write', data: { quarter, byTopic }, result: undefined };
    });
  }

  async figures(): Promise<SignalFigures[]> {
    const docs = await this.store.query<SignalFigures>(C, { pk: 'figures', orderBy: [{ field: 'quarter' }] });
    return docs.map((d) => d.data);
  }

  addAgendaPoint(point: AgendaPoint, ttlSeconds: number): Promise<boolean> {
    return this.createOnce(agendaPk(point.meetingDate), point.pointId, point, ttlSeconds);
  }

  async agendaPoints(meetingDate: string): Promise<AgendaPoint[]> {
    const docs = await this.store.query<AgendaPoint>(C, {
      pk: agendaPk(meetingDate),
      orderBy: [{ field: 'addedAt' }],
    });
    return docs.map((d) => d.data);
  }

  createJoinRequest(request: JoinRequest): Promise<boolean> {
    return this.createOnce('join', request.requestId, request);
  }

  async joinRequest(requestId: string): Promise<JoinRequest | undefined> {
    return (await this.store.get<JoinRequest>(C, 'join', requestId))?.data;
  }

  async joinRequests(status?: JoinRequest['status']): Promise<JoinRequest[]> {
    const docs = await this.store.query<JoinRequest>(C, {
      pk: 'join',
      where: status ? [{ field: 'status', op: '=', value: status }] : [],
      orderBy: [{ field: 'createdAt' }],
    });
    return docs.map((d) => d.data);
  }

  updateJoinRequest(
    requestId: string,
    change: (r: JoinRequest) => JoinRequest | undefined,
    ttlSeconds?: number,
  ): Promise<JoinRequest | undefined> {
    return updateWithRetry<JoinRequest, JoinRequest | undefined>(this.store, C, 'join', requestId, (cur) => {
      const next = cur && change(cur.data);
      if (!next) return { kind: 'skip', result: undefined };
      return { kind: 'write', data: next, result: next, ttlSeconds };
    });
  }
}
