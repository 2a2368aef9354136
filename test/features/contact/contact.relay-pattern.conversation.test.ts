import { maxActivityBytes } from '../../../src/server';
import { parseCodedMessage } from '../../../src/features/contact/contact.schemas';
import { MAX_TEXT_LENGTH } from '../../../src/platform/bot/message-length';
import { pickUp, requestContact, startContactBot, textOf, type ContactBot } from './contact.bot.helpers';

/** Wall time of one awaited call, in ms. */
async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

describe('finding 5: ReDoS in the #CODE relay pattern, and the early cap on message text', () => {
  it('reads "#CODE text" in linear time, with the same meaning as before', () => {
    expect(parseCodedMessage('  #K7Q2   hoi daar \n')).toEqual({ code: 'K7Q2', message: 'hoi daar' });
    expect(parseCodedMessage('#K7Q2\nregel een\nregel twee')).toEqual({
      code: 'K7Q2',
      message: 'regel een\nregel twee',
    });
    expect(parseCodedMessage('#K7Q2   ')).toEqual({ code: 'K7Q2' });
    expect(parseCodedMessage('#K7Q2x hoi')).toBeUndefined();
    expect(parseCodedMessage('#K7 hoi')).toBeUndefined();
    expect(parseCodedMessage('hoi #K7Q2 daar')).toBeUndefined();
    // The old pattern needed about 2.5 s for 28,000 spaces and grew quadratically: 1 MB never ended.
    const hostile = `#ABCD${' '.repeat(1_000_000)}x${' '.repeat(1_000_000)}`;
    const start = performance.now();
    expect(parseCodedMessage(hostile)).toEqual({ code: 'ABCD', message: 'x' });
    expect(performance.now() - start).toBeLessThan(1_000);
  });

  describe('over real HTTP', () => {
    let t: ContactBot;
    beforeEach(async () => (t = await startContactBot()));
    afterEach(() => t.bot.stop());

    it('answers the largest message the server takes (1 MB is refused before reading) at once, relays nothing, and then works as before', async () => {
      const { bot, lotte, noor } = t;
      const { code } = await requestContact(lotte);
      await pickUp(noor, code);
      const relayed = () => bot.inbox(lotte).length;

      // A normal turn, measured a few times (the slowest counts: generous on a busy machine).
      const normal: number[] = [];
      for (let i = 0; i < 3; i++) {
        const turn = await timed(() => noor.say(`#${code} Gewoon bericht ${i}`));
        expect(textOf(turn.value)).toContain(`zaak ${code}`);
        normal.push(turn.ms);
      }

      // Just under the server's 256 KB body limit (a 1 MB body gets 413 unread: test/app/http-edge.test.ts),
      // shaped as the worst case for the old pattern: the code, a word, then spaces.
      const huge = `#${code} x${' '.repeat(maxActivityBytes - 4_096)}`;
      const before = relayed();
      const long: number[] = [];
      for (const locale of ['nl', 'en'] as const) {
        noor.locale(locale);
        const turn = await timed(() => noor.say(huge));
        long.push(turn.ms);
        const answer = textOf(turn.value);
        expect(answer).toContain(locale === 'nl' ? 'Je bericht is te lang' : 'Your message is too long');
        expect(answer).toContain(MAX_TEXT_LENGTH.toLocaleString(locale)); // 4.000 / 4,000 tekens, characters
      }
      noor.locale('nl');
      expect(relayed()).toBe(before); // nothing reached the medewerker
      // Generous, and still orders of magnitude below what the old pattern needed.
      expect(Math.min(...long)).toBeLessThan(Math.max(...normal) + 100);

      // Just over the cap is refused too; at the cap it is relayed.
      expect(textOf(await noor.say(`#${code} ${'a'.repeat(MAX_TEXT_LENGTH)}`))).toContain('te lang');
      expect(relayed()).toBe(before);
      const after = await noor.say(`#${code} Daarna gewoon verder`);
      expect(textOf(after)).toContain(`zaak ${code}`);
      expect(textOf(bot.inbox(lotte).slice(before))).toContain('Daarna gewoon verder');
    });
  });
});
