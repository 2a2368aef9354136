import { escapeUserText, renderCard } from '../../src/platform/cards';
import { Downloads } from '../../src/platform/downloads';
import { ManualClock, days } from '../../src/platform/clock';

describe('cards', () => {
  it('renders a template with data, keeping objects bound whole', () => {
    const card = renderCard(
      {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text: '${title}', wrap: true }],
        actions: [{ type: 'Action.Execute', verb: 'x', data: '${data}' }],
      },
      { title: 'Hallo', data: { id: 'a1' } },
    );
    expect(card.body).toEqual([{ type: 'TextBlock', text: 'Hallo', wrap: true }]);
    expect((card.actions as Array<{ data: unknown }>)[0].data).toEqual({ id: 'a1' });
  });

  it('renders one template object again and again with other data, nothing carried over (templates are parsed once)', () => {
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '${title}', wrap: true },
        { type: 'TextBlock', text: '${note}', wrap: true, $when: "${note != ''}" },
        { type: 'TextBlock', $data: '${items}', text: '${name}', wrap: true },
      ],
    };
    const first = renderCard(template, {
      title: 'Eerste',
      note: 'let op',
      items: [{ name: 'a' }, { name: 'b' }],
    });
    const second = renderCard(template, { title: 'Tweede', note: '', items: [{ name: 'c' }] });
    expect((first.body as Array<{ text: string }>).map((b) => b.text)).toEqual([
      'Eerste',
      'let op',
      'a',
      'b',
    ]);
    expect((second.body as Array<{ text: string }>).map((b) => b.text)).toEqual(['Tweede', 'c']);
    expect(template.body[0]).toEqual({ type: 'TextBlock', text: '${title}', wrap: true });
  });

  it('makes user text unable to hide links or mention people', () => {
    const escaped = escapeUserText('Klik [hier](https://evil.example) of <at>iedereen</at> **nu**');
    expect(escaped).not.toMatch(/(^|[^\\])\[hier\]\(/);
    expect(escaped).not.toContain('<at>');
    expect(escaped).toContain('\\*\\*nu\\*\\*');
  });

  it('does not evaluate template expressions in user data', () => {
    const card = renderCard(
      { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${title}' }] },
      { title: '${secret}', secret: 'leak' },
    );
    expect(JSON.stringify(card)).not.toContain('leak');
  });
});

describe('download links', () => {
  it('serve the file to whoever holds a valid, unexpired, untampered link', async () => {
    const clock = new ManualClock();
    const downloads = new Downloads('https://bot.example', 'secret', () => clock.now());
    downloads.register('ics', async (id, subject) => ({
      filename: `${id}.ics`,
      contentType: 'text/calendar',
      body: `for ${subject}`,
    }));
    const url = downloads.link('ics', 'a1', 'user-1', days(1));
    const token = url.split('/files/')[1];
    expect((await downloads.resolve(token))?.body).toBe('for user-1');
    const [payload, sig] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), s: 'user-2' }),
    ).toString('base64url');
    expect(await downloads.resolve(`${forged}.${sig}`)).toBeUndefined();
    const unused = downloads.link('ics', 'a1', 'user-1', days(1)).split('/files/')[1];
    clock.advance(days(2));
    expect(await downloads.resolve(unused)).toBeUndefined();
  });
});
