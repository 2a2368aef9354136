import { Writable } from 'node:stream';
import { createLogger } from '../../src/platform/logger';
import { startTestBot } from '../support/test-bot';

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

describe('finding 13: logging', () => {
  it('replaces values of fields not on the allow-list at any depth, and keeps ids and codes', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        pollId: 'p1',
        code: 'POLLS.CLOSED',
        input: { message: 'ik voel me buitengesloten' },
        payload: { deep: { deeper: { comment: 'Fatima Ouali zei iets' } } },
        recipients: 12,
        reason: { nested: { note: 'Bram de Vries' } },
        list: [{ anything: 'geheim' }],
      },
      'event',
    );
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({
      pollId: 'p1',
      code: 'POLLS.CLOSED',
      recipients: 12,
      input: '[redacted]',
      payload: '[redacted]',
      reason: { nested: '[redacted]' },
      list: '[redacted]',
    });
    for (const secret of ['buitengesloten', 'Fatima', 'Bram', 'geheim'])
      expect(lines[0]).not.toContain(secret);
  });

  it('keeps the type, code and code location of an error, not its message', () => {
    const { logger, lines } = capture();
    let parseError: unknown;
    try {
      JSON.parse('{"naam": "Fatima Ouali", ');
    } catch (err) {
      parseError = err;
    }
    const system = Object.assign(new Error('connect ECONNREFUSED to mijn-naam.example'), {
      code: 'ECONNREFUSED',
    });
    logger.error({ err: parseError }, 'parse failed');
    logger.error({ err: system, caseId: 'c1' }, 'send failed');
    logger.error({ err: { name: 'TypeError', stack: 'TypeError: Fatima\n    at f (x.ts:1:1)' } }, 'turn');
    const [parse, sys, plain] = lines.map((l) => JSON.parse(l) as { err: Record<string, unknown> });
    expect(parse.err.type).toBe('SyntaxError');
    expect(sys.err).toMatchObject({ type: 'Error', code: 'ECONNREFUSED' });
    expect(plain.err).toEqual({ type: 'TypeError', stack: ['at f (x.ts:1:1)'] });
    expect((parse.err.stack as string[]).every((l) => l.startsWith('at '))).toBe(true);
    for (const secret of ['Fatima', 'mijn-naam']) expect(lines.join('')).not.toContain(secret);
  });

  it('censors child bindings that are not on the allow-list', () => {
    const { logger, lines } = capture();
    logger.child({ component: 'routes', person: 'Fatima Ouali' }).info('hello');
    expect(JSON.parse(lines[0])).toMatchObject({ component: 'routes', person: '[redacted]' });
  });

  it('logs a full scripted session without a name or a text', async () => {
    const bot = await startTestBot();
    try {
      const fatima = bot.user('Fatima Ouali');
      const daan = bot.user('Daan Bakker').locale('en');
      await fatima.install();
      await fatima.say('Mijn leidinggevende Jan Jansen noemde mij een zeurpiet');
      await daan.say('help');
      await daan.say('I was excluded by Pieter Post at the coffee machine');
      await fatima.invoke('polls.results', { pollId: 'Fatima Ouali wil dit weten' });
      await fatima.invoke('Jan Jansen doet raar', { text: 'zeurpiet' });
      await fatima.invoke('help.show', { comment: 'Pieter Post' });
      await fatima.say('vertrouwelijk');
      const logs = bot.logs().join('\n');
      expect(logs).toContain('unknown card action');
      for (const secret of [
        'Fatima',
        'Ouali',
        'Daan',
        'Bakker',
        'Jan Jansen',
        'zeurpiet',
        'Pieter Post',
        'excluded',
      ])
        expect({ secret, found: logs.includes(secret) }).toEqual({ secret, found: false });
    } finally {
      await bot.stop();
    }
  });
});
