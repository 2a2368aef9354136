import { containers, type DocumentStore } from '../../storage/document-store.port';
import { updateWithRetry, type Mutation } from '../../storage/optimistic';
import { isConflictError } from '../../storage/store-errors';
import type { DoorbrakenDoc, RoundDoc, ScheduleDoc, SheetDoc, StoredSetDoc } from './sturingsgesprek.types';

/**
 * Container `sturingsgesprek`:
 * - pk 'round', id = roundId            → RoundDoc (few per year: one partition is fine)
 * - pk 'round:<roundId>', id = unitId    → SheetDoc (one unit's answers; a round's sheets share a partition)
 * - pk 'set', id = setId                 → StoredSetDoc (edited question sets; templates live in code)
 * - pk 'schedule', id = 'default'        → ScheduleDoc
 * - pk 'doorbraken', id = 'current'      → DoorbrakenDoc (the list the DIG office edits)
 */
const C = containers.sturingsgesprek;
const sheetPk = (roundId: string) => `round:${roundId}`;

export class SturingsgesprekRepository {
  constructor(private readonly store: DocumentStore) {}

  async getRound(roundId: string): Promise<RoundDoc | undefined> {
    return (await this.store.get<RoundDoc>(C, 'round', roundId))?.data;
  }

  /** Creating the same id twice (a retried click or job) keeps the first and returns it. */
  async createRound(round: RoundDoc): Promise<{ round: RoundDoc; created: boolean }> {
    try {
      await this.store.create(C, { pk: 'round', id: round.roundId, data: round });
      return { round, created: true };
    } catch (err) {
      if (!isConflictError(err)) throw err;
      return { round: (await this.getRound(round.roundId)) as RoundDoc, created: false };
    }
  }

  updateRound<R>(
    roundId: string,
    mutate: (current: RoundDoc | undefined) => Mutation<RoundDoc, R>,
  ): Promise<R> {
    return updateWithRetry<RoundDoc, R>(this.store, C, 'round', roundId, (doc) => mutate(doc?.data));
  }

  async recentRounds(limit = 12): Promise<RoundDoc[]> {
    const docs = await this.store.query<RoundDoc>(C, {
      pk: 'round',
      orderBy: [{ field: 'opensAt', direction: 'desc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }

  /** Rounds that went out before the given opening time, newest first. */
  async roundsBefore(opensAt: string, limit = 12): Promise<RoundDoc[]> {
    const docs = await this.store.query<RoundDoc>(C, {
      pk: 'round',
      where: [
        { field: 'opensAt', op: '<', value: opensAt },
        { field: 'status', op: 'in', value: ['open', 'closed'] },
      ],
      orderBy: [{ field: 'opensAt', direction: 'desc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }

  async openRounds(): Promise<RoundDoc[]> {
    const docs = await this.store.query<RoundDoc>(C, {
      pk: 'round',
      where: [{ field: 'status', op: '=', value: 'open' }],
      limit: 50,
    });
    return docs.map((d) => d.data);
  }

  async getSheet(roundId: string, unitId: string): Promise<SheetDoc | undefined> {
    return (await this.store.get<SheetDoc>(C, sheetPk(roundId), unitId))?.data;
  }

  async sheets(roundId: string): Promise<SheetDoc[]> {
    const docs = await this.store.query<SheetDoc>(C, { pk: sheetPk(roundId), limit: 1000 });
    return docs.map((d) => d.data);
  }

  /** Existing sheets are kept (opening a round twice must not wipe answers). */
  async createSheets(sheets: SheetDoc[]): Promise<void> {
    await this.store.createMany(
      C,
      sheets.map((s) => ({ pk: sheetPk(s.roundId), id: s.unitId, data: s })),
    );
  }

  updateSheet<R>(
    roundId: string,
    unitId: string,
    mutate: (current: SheetDoc | undefined) => Mutation<SheetDoc, R>,
  ): Promise<R> {
    return updateWithRetry<SheetDoc, R>(this.store, C, sheetPk(roundId), unitId, (doc) => mutate(doc?.data));
  }

  async sheetsWithDeputy(deputyId: string, roundIds: string[]): Promise<SheetDoc[]> {
    const found: SheetDoc[] = [];
    for (const roundId of roundIds) {
      const docs = await this.store.query<SheetDoc>(C, {
        pk: sheetPk(roundId),
        where: [{ field: 'deputyId', op: '=', value: deputyId }],
      });
      found.push(...docs.map((d) => d.data));
    }
    return found;
  }

  async getSet(setId: string): Promise<StoredSetDoc | undefined> {
    return (await this.store.get<StoredSetDoc>(C, 'set', setId))?.data;
  }

  async listSets(): Promise<StoredSetDoc[]> {
    const docs = await this.store.query<StoredSetDoc>(C, {
      pk: 'set',
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 100,
    });
    return docs.map((d) => d.data);
  }

  async createSet(set: StoredSetDoc): Promise<{ set: StoredSetDoc; created: boolean }> {
    try {
      await this.store.create(C, { pk: 'set', id: set.setId, data: set });
      return { set, created: true };
    } catch (err) {
      if (!isConflictError(err)) throw err;
      return { set: (await this.getSet(set.setId)) as StoredSetDoc, created: false };
    }
  }

  updateSet<R>(
    setId: string,
    mutate: (current: StoredSetDoc | undefined) => Mutation<StoredSetDoc, R>,
  ): Promise<R> {
    return updateWithRetry<StoredSetDoc, R>(this.store, C, 'set', setId, (doc) => mutate(doc?.data));
  }

  async getSchedule(): Promise<ScheduleDoc | undefined> {
    return (await this.store.get<ScheduleDoc>(C, 'schedule', 'default'))?.data;
  }

  updateSchedule<R>(mutate: (current: ScheduleDoc | undefined) => Mutation<ScheduleDoc, R>): Promise<R> {
    return updateWithRetry<ScheduleDoc, R>(this.store, C, 'schedule', 'default', (doc) => mutate(doc?.data));
  }

  async getDoorbraken(): Promise<DoorbrakenDoc | undefined> {
    return (await this.store.get<DoorbrakenDoc>(C, 'doorbraken', 'current'))?.data;
  }

  updateDoorbraken<R>(
    mutate: (current: DoorbrakenDoc | undefined) => Mutation<DoorbrakenDoc, R>,
  ): Promise<R> {
    return updateWithRetry<DoorbrakenDoc, R>(this.store, C, 'doorbraken', 'current', (doc) =>
      mutate(doc?.data),
    );
  }
}
