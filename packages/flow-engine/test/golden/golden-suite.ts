// The tests every template's golden spec runs: one per scenario (golden transcript, no
// contract problem, deterministic replay) and one for branch coverage of the whole flow.
import { expectGolden, goldenPath, type GoldenFiles } from './golden-file.js';
import { runScenario, templateFlow, type Scenario, type TemplateId } from './transcript.js';

/** `files`: node:fs, passed by the spec (see golden-file.ts). */
export function defineGoldenSuite(template: TemplateId, scenarios: readonly Scenario[], files: GoldenFiles): void {
  describe(`${template} golden transcripts`, () => {
    it('has scenarios with unique names, in both languages', () => {
      const names = scenarios.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      expect(scenarios.some((s) => s.locale === 'en')).toBe(true);
    });

    it.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
      const run = runScenario(template, scenario);
      // Idempotency keys never repeat, timers are cancelled once, the state survives storage...
      expect(run.problems).toEqual([]);
      // Same script, same transcript: the engine is a pure function of its inputs.
      expect(runScenario(template, scenario).transcript).toBe(run.transcript);
      expectGolden(files, goldenPath(template, scenario.name), run.transcript);
    });

    it('traverses every edge of the flow in some scenario (both languages build the same graph)', () => {
      const traversed = new Set<string>();
      for (const scenario of scenarios) for (const edge of runScenario(template, scenario).edges) traversed.add(edge);
      for (const locale of ['pt-BR', 'en'] as const) {
        const missing = templateFlow(template, locale)
          .edges.map((e) => e.id)
          .filter((id) => !traversed.has(id));
        expect({ locale, missing }).toEqual({ locale, missing: [] });
      }
    });
  });
}
