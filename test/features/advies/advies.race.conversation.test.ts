import type { OrgFile } from '../../../src/platform/org/org.schema';
import { SignupService } from '../../../src/platform/signups';
import { cardText } from '../../support/cards';
import { withTestBot, type TestBot } from '../../support/test-bot';
import {
  installAll,
  kernteamNames,
  programmateamName,
  requesterName,
  storedRequest,
  submitRequest,
} from './advies.helpers';

/** Two W&S panel members besides the kernteam, so two people can race for the last seat. */
const panelIds = ['7a11e1b0-0000-4000-8000-00000000000f', '7a11e1b0-0000-4000-8000-000000000010'];
/** The two are in the demo file already: they opt in as W&S panel members (role wsPanellid). */
const orgPatch = (org: OrgFile) => {
  for (const p of org.people) if (panelIds.includes(p.aadObjectId)) p.roles.push('wsPanellid');
};

/**
 * Three requests, each with two seats: one volunteer takes the first seat, then two click "Ik doe mee"
 * at the same moment for the last one, through the whole bot (HTTP, teams-ai, service, store).
 */
async function race(bot: TestBot) {
  const [requester, pt, noor, daan, priya] = await installAll(bot, [
    requesterName,
    programmateamName,
    ...kernteamNames,
  ]);
  const kofi = bot.user(panelIds[0]!);
  const ingrid = bot.user(panelIds[1]!);
  const pairs = [
    [daan!, priya!],
    [kofi, ingrid],
    [priya!, kofi],
  ];
  for (const [a, b] of pairs) {
    const { requestId } = await submitRequest(bot, requester!, { seats: '2' });
    await pt!.invoke('advies.accept', { requestId, takenBy: noor!.aadObjectId });
    await noor!.invoke('advies.volunteer', { requestId, shareName: 'true' });
    const [ra, rb] = await Promise.all([
      a!.invoke('advies.volunteer', { requestId, shareName: 'true' }),
      b!.invoke('advies.volunteer', { requestId, shareName: 'true' }),
    ]);
    const list = await new SignupService(bot.deps.store, bot.clock).roster(`advies:${requestId}`);
    expect(list.attending).toHaveLength(2);
    expect(list.waitlist).toHaveLength(1);
    const texts = [cardText(ra.card), cardText(rb.card)];
    // Exactly one wins; the other is told the last seat just went, and where they stand.
    expect(texts.filter((t) => t.includes('Je doet mee'))).toHaveLength(1);
    expect(
      texts.filter((t) => t.includes('Net te laat: de laatste plek is net door iemand anders genomen')),
    ).toHaveLength(1);
    const winner = texts[0]!.includes('Je doet mee') ? a! : b!;
    expect(list.attending).toEqual([noor!.aadObjectId, winner.aadObjectId]);
    expect((await storedRequest(bot, requestId!))?.joined).toBe(2);
    // The requester is told twice (two seats), never about the reserve.
    await bot.runDue();
    const joined = requester!
      .inbox()
      .flatMap((m) => (m.attachments ?? []).map((x) => cardText(x.content)))
      .filter((t) => t.includes('Er doet een panellid mee') && t.includes('2 van 2 plekken bezet'));
    expect(joined.length).toBeGreaterThanOrEqual(1);
  }
}

describe('advies: the last W&S seat, claimed by two volunteers at once', () => {
  // On the run's store: SQLite in `unit`, a Cosmos test server in `unit-cosmos` (real etags over HTTP).
  it('exactly one wins, the other is told', async () => {
    await withTestBot({ orgPatch }, race);
  });
});
