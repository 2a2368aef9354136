import { unitsOf } from '../../../src/features/sturingsgesprek/sturingsgesprek.access';
import { AnsweringService } from '../../../src/features/sturingsgesprek/sturingsgesprek.answering.service';
import { sturingsgesprekErrors as errors } from '../../../src/features/sturingsgesprek/sturingsgesprek.errors';
import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { RoundPeople } from '../../../src/features/sturingsgesprek/sturingsgesprek.people.service';
import type {
  RoundDoc,
  SheetDoc,
  UnitSnapshot,
} from '../../../src/features/sturingsgesprek/sturingsgesprek.types';
import { templateById } from '../../../src/features/sturingsgesprek/sturingsgesprek.templates.rules';
import { ManualClock } from '../../../src/platform/clock';
import { silentLogger } from '../../../src/platform/logger';
import { Organisation } from '../../../src/platform/org/organisation';
import { PeopleNames } from '../../../src/platform/people/people-names';
import type { DocumentStore } from '../../../src/storage/document-store.port';
import { openTestStore } from '../../support/test-store';

const org = Organisation.load('config/org.demo.json');
const bram = org.actor('7a11e1b0-0000-4000-8000-00000000000b', 'nl');
const lotte = org.actor('7a11e1b0-0000-4000-8000-000000000008', 'nl');

/** The answer sheet on the run's real store (SQLite, or Cosmos with TEST_STORE=cosmos): one document, etag-guarded, revision on the card. */
describe('sturingsgesprek answering service', () => {
  let store: DocumentStore;
  let repo: SturingsgesprekRepository;
  let service: AnsweringService;
  const deputyCards: string[] = [];

  beforeEach(async () => {
    store = await openTestStore(':memory:');
    repo = new SturingsgesprekRepository(store);
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const notifier = {
      sendDeputyCard: async (_r: RoundDoc, unit: UnitSnapshot, sheet: SheetDoc) =>
        void deputyCards.push(`${unit.unitId}:${sheet.deputyId}`),
    };
    // No directory, as in a local run: deputies come from the organisation file.
    const people = new RoundPeople(new PeopleNames(org, undefined));
    service = new AnsweringService(repo, org, clock, silentLogger(), notifier, people);
    const k1 = templateById('kwartaal-1');
    const round: RoundDoc = {
      roundId: 'r1',
      status: 'open',
      setId: 'kwartaal-1',
      setName: k1!.name,
      questions: k1!.questions,
      periodLabel: 'Test',
      opensAt: '2026-11-23T08:00:00.000Z',
      deadline: '2026-12-11T16:00:00.000Z',
      includeDepartments: false,
      reminderDays: [],
      units: unitsOf(org, false),
      createdBy: 'x',
      createdAt: '2026-11-23T08:00:00.000Z',
      updatedAt: '2026-11-23T08:00:00.000Z',
      revision: 1,
    };
    await repo.createRound(round);
    await repo.createSheets(
      round.units.map((u): SheetDoc => ({
        roundId: 'r1',
        unitId: u.unitId,
        state: 'notOpened',
        answers: {},
        revision: 0,
        deputyAssignments: 0,
      })),
    );
  });
  afterEach(async () => store.close());

  const inputs = (why: string) => ({
    'a_k1-prioriteit': 'db-01',
    'a_k1-prioriteit_why': why,
    'a_k1-weerstand': 'no',
  });

  it('lets exactly one of many simultaneous submits from the same card through; the others get the current text', async () => {
    const views = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        service.save(bram, 'submit', {
          roundId: 'r1',
          unitId: 'dienstverlening',
          revision: 0,
          raw: inputs(`Versie ${i}`),
        }),
      ),
    );
    const sheet = await repo.getSheet('r1', 'dienstverlening');
    expect(sheet?.revision).toBe(1);
    const winners = views.filter((v) => v.banner === 'submitted');
    expect(winners).toHaveLength(1);
    expect(views.filter((v) => v.banner === 'conflict')).toHaveLength(11);
    const current = (sheet?.answers['k1-prioriteit'] as { why: string }).why;
    for (const v of views.filter((x) => x.banner === 'conflict')) {
      expect(v.inputValues['a_k1-prioriteit_why']).toBe(current);
      expect(v.conflict?.changedBy).toBe(bram.aadObjectId);
      expect((v.conflict?.attempted['k1-prioriteit'] as { why: string }).why).not.toBe(current);
    }
  });

  it('checks the deputy on the sheet at write time, and the director alone names one', async () => {
    await expect(
      service.setDeputy(lotte, {
        roundId: 'r1',
        unitId: 'dienstverlening',
        deputyId: lotte.aadObjectId,
        raw: {},
      }),
    ).rejects.toMatchObject({ code: errors.notYourCluster.code });
    await expect(
      service.setDeputy(bram, {
        roundId: 'r1',
        unitId: 'dienstverlening',
        deputyId: bram.aadObjectId,
        raw: {},
      }),
    ).rejects.toMatchObject({ code: errors.unknownDeputy.code });
    await service.setDeputy(bram, {
      roundId: 'r1',
      unitId: 'dienstverlening',
      deputyId: lotte.aadObjectId,
      raw: {},
    });
    await service.setDeputy(bram, {
      roundId: 'r1',
      unitId: 'dienstverlening',
      deputyId: lotte.aadObjectId,
      raw: {},
    }); // retried click
    expect((await repo.getSheet('r1', 'dienstverlening'))?.deputyAssignments).toBe(1);
    expect(deputyCards).toContain(`dienstverlening:${lotte.aadObjectId}`);
    const saved = await service.save(lotte, 'draft', {
      roundId: 'r1',
      unitId: 'dienstverlening',
      revision: 0,
      raw: inputs('Concept van Lotte'),
    });
    expect(saved.banner).toBe('draftSaved');
    expect(saved.role).toBe('deputy');
    await service.setDeputy(bram, { roundId: 'r1', unitId: 'dienstverlening', deputyId: undefined, raw: {} });
    await expect(
      service.save(lotte, 'draft', {
        roundId: 'r1',
        unitId: 'dienstverlening',
        revision: 1,
        raw: inputs('Nog eens'),
      }),
    ).rejects.toMatchObject({ code: errors.notYourCluster.code });
    expect((await repo.getSheet('r1', 'dienstverlening'))?.revision).toBe(1);
  });

  it('keeps answers when a round is opened twice', async () => {
    await service.save(bram, 'draft', {
      roundId: 'r1',
      unitId: 'dienstverlening',
      revision: 0,
      raw: inputs('Bewaard'),
    });
    await repo.createSheets([
      {
        roundId: 'r1',
        unitId: 'dienstverlening',
        state: 'notOpened',
        answers: {},
        revision: 0,
        deputyAssignments: 0,
      },
    ]);
    expect((await repo.getSheet('r1', 'dienstverlening'))?.state).toBe('draft');
  });
});
