import { formatReport, fuzzBot, typedCommands, registeredVerbs } from '../support/card-fuzzer';

/**
 * The short, deterministic run of the fuzzer (`npm run fuzz -- --minutes N` runs it longer, with any
 * seed): every verb and typed command, every role, mutated data, real HTTP. No 5xx, no error-level log.
 */
describe('fuzzer: every verb to every role with mutated payloads', () => {
  it('finds the registered verbs and typed commands', () => {
    const verbs = registeredVerbs();
    expect(verbs).toEqual(
      expect.arrayContaining(['polls.answer', 'kennisatelier.signUp', 'contact.send', 'help.show']),
    );
    expect(verbs.length).toBeGreaterThan(50);
    expect(typedCommands()).toEqual(expect.arrayContaining(['peiling', 'netwerken', 'vertrouwelijk']));
  });

  it('1,000 payloads with seed 20261202: no 5xx and no error-level log line', async () => {
    const report = await fuzzBot({ seed: 20261202, payloads: 1000 });
    expect(report.payloads).toBe(1000);
    expect({ failures: report.failures.length, report: formatReport(report) }).toEqual({
      failures: 0,
      report: expect.any(String),
    });
    expect(report.verbsSent).toBe(report.verbs);
  }, 110_000);
});
