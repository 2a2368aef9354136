import { Writable } from 'node:stream';
import { createLogger } from '../../src/platform/logger';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'info' }, sink), lines };
}

describe('logger', () => {
  it('censors names, e-mail addresses, texts and card values wherever a caller puts them', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        name: 'Fatima Ouali',
        email: 'f@example.org',
        text: 'geheim',
        value: { answer: 'x' },
        user: { name: 'Bram' },
        activity: { text: 'hoi' },
      },
      'event',
    );
    const line = lines.join('');
    for (const secret of ['Fatima Ouali', 'f@example.org', 'geheim', 'Bram', 'hoi'])
      expect(line).not.toContain(secret);
    expect(line).toContain('"msg":"event"');
  });

  it('keeps its own service name readable', () => {
    const { logger, lines } = capture();
    logger.child({ feature: 'polls' }).info({ pollId: 'p1' }, 'poll opened');
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({ service: 'panelbot', feature: 'polls', pollId: 'p1', msg: 'poll opened' });
  });
});
