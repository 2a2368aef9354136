import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { requireManager, requireOffice } from './sturingsgesprek.access';
import { nextDoorbraakId, seedDoorbraken } from './sturingsgesprek.doorbraken.rules';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type { DoorbraakEntry, DoorbrakenDoc } from './sturingsgesprek.types';

/**
 * The doorbraken list the DIG office keeps in Teams: add, rename, prioritise, retire (never delete:
 * earlier rounds and their reports refer to them). Seeded from the organisation file on first use; a
 * round copies the list when it opens, so a change here reaches the next round only.
 */
export class DoorbrakenService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** The list as it is now (the first read stores the organisation file's list). */
  async current(): Promise<DoorbraakEntry[]> {
    const doc = await this.repo.getDoorbraken();
    if (doc) return doc.items;
    return this.repo.updateDoorbraken((cur) =>
      cur
        ? { kind: 'skip', result: cur.items }
        : { kind: 'write', data: this.seed(), result: this.seed().items },
    );
  }

  /** For the list card: the DIG office edits it, the gemeentesecretaris may look. */
  async list(actor: Actor): Promise<DoorbraakEntry[]> {
    requireManager(actor);
    return this.current();
  }

  async add(actor: Actor, titles: Record<string, string>, prioritised: boolean): Promise<DoorbraakEntry[]> {
    requireOffice(actor);
    if (!Object.keys(titles).length) throw errors.doorbraakTitleMissing();
    return this.change(actor, 'add', (items) => [
      ...items,
      { id: nextDoorbraakId(items), title: titles, prioritised },
    ]);
  }

  /** New texts per language; a language left empty keeps its text. */
  async rename(actor: Actor, id: string, titles: Record<string, string>): Promise<DoorbraakEntry[]> {
    requireOffice(actor);
    if (!Object.keys(titles).length) throw errors.doorbraakTitleMissing();
    return this.change(actor, 'rename', (items) =>
      this.edit(items, id, (d) => ({ ...d, title: { ...d.title, ...titles } })),
    );
  }

  async setPrioritised(actor: Actor, id: string, prioritised: boolean): Promise<DoorbraakEntry[]> {
    requireOffice(actor);
    return this.change(actor, 'prioritise', (items) => this.edit(items, id, (d) => ({ ...d, prioritised })));
  }

  /** No longer offered to new rounds; it stays in the list for the rounds that asked about it. */
  async retire(actor: Actor, id: string): Promise<DoorbraakEntry[]> {
    requireOffice(actor);
    return this.change(actor, 'retire', (items) =>
      this.edit(items, id, (d) => ({ ...d, retired: true, prioritised: false })),
    );
  }

  private edit(
    items: DoorbraakEntry[],
    id: string,
    fn: (d: DoorbraakEntry) => DoorbraakEntry,
  ): DoorbraakEntry[] {
    const found = items.find((d) => d.id === id);
    if (!found) throw errors.unknownDoorbraak();
    if (found.retired) throw errors.doorbraakRetired();
    return items.map((d) => (d.id === id ? fn(d) : d));
  }

  private seed(): DoorbrakenDoc {
    return { items: seedDoorbraken(this.org), revision: 1, updatedAt: this.clock.now().toISOString() };
  }

  private async change(
    actor: Actor,
    op: string,
    fn: (items: DoorbraakEntry[]) => DoorbraakEntry[],
  ): Promise<DoorbraakEntry[]> {
    const items = await this.repo.updateDoorbraken<DoorbraakEntry[]>((cur) => {
      const base = cur ?? this.seed();
      const next: DoorbrakenDoc = {
        items: fn(base.items),
        revision: base.revision + 1,
        updatedBy: actor.aadObjectId,
        updatedAt: this.clock.now().toISOString(),
      };
      return { kind: 'write', data: next, result: next.items };
    });
    // Titles are the office's text: the log gets the operation and the size of the list only.
    this.logger.info({ op, count: items.length }, 'sturingsgesprek doorbraken changed');
    return items;
  }
}
