import { cardInputs, cardText, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';

const valueOf = (card: unknown, id: string) => cardInputs(card).find((i) => i.id === id)?.value;

describe('networks: switching the announcement form between plain and meetup keeps what was typed', () => {
  let bot: TestBot;
  let lotte: TestUser;

  beforeAll(async () => {
    bot = await startTestBot();
    lotte = bot.user('Lotte Visser');
  });
  afterAll(async () => bot.stop());

  it('sends the typed inputs with the switch, and the meetup form comes back holding them', async () => {
    const plain = (await lotte.invoke('networks.announce.form', { kind: 'plain' })).card;
    const toMeetup = findAction(plain, 'Bijeenkomst aankondigen');
    expect((toMeetup as { associatedInputs?: string }).associatedInputs).toBeUndefined();
    const typed = {
      text: 'Kom je ook? We praten over Pride-maand.',
      link: 'https://intranet.example.org/pride',
    };
    const meetup = (await lotte.invoke(toMeetup.verb!, { ...toMeetup.data, networkId: 'r-pride', ...typed }))
      .card;
    expect(cardText(meetup)).toContain('Nieuwe bijeenkomst');
    expect(valueOf(meetup, 'text')).toBe(typed.text);
    expect(valueOf(meetup, 'link')).toBe(typed.link);

    const back = findAction(meetup, 'Gewone aankondiging');
    const again = (
      await lotte.invoke(back.verb!, { ...back.data, networkId: 'r-pride', ...typed, title: 'Diner' })
    ).card;
    expect(cardText(again)).toContain('Nieuwe aankondiging');
    expect(valueOf(again, 'text')).toBe(typed.text);
  });

  it('does not block the switch on an empty required field: the server says what is missing on preview', async () => {
    const plain = (await lotte.invoke('networks.announce.form', { kind: 'plain' })).card;
    expect(
      cardInputs(plain)
        .filter((i) => i.isRequired)
        .map((i) => i.id),
    ).toEqual(['networkId']);
    const res = await lotte.invoke('networks.announce.preview', {
      kind: 'meetup',
      announcementId: '',
      networkId: 'r-pride',
      text: 'Tekst',
      link: '',
      toMembers: 'true',
    });
    expect(cardText(res.card)).toContain('Vul voor een bijeenkomst titel, datum, tijd en plaats in.');
    expect(valueOf(res.card, 'text')).toBe('Tekst');
  });
});
