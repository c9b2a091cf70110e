/**
 * axe-core in the browser tests: injected into a page or a frame (through
 * the DevTools protocol, so the pages' strict CSP, which forbids inline
 * scripts, does not block it), run on the whole document (open shadow roots
 * included, so the widget is checked too), and its serious and critical
 * violations returned as readable lines for a failure message.
 *
 * @example
 * expect(await seriousViolations(page)).toEqual([]);
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

/** axe's own build, read once from node_modules (a devDependency, pinned). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts a test fails on: what blocks or badly hinders a reader using assistive technology. */
const FAILING_IMPACTS = ['serious', 'critical'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe on the document of `scope` (a page or one frame; frames inside it
 * are checked on their own), or only on the elements `include` selects (on
 * a course page, whose own CSS is none of ours, the widget), and lists each
 * serious or critical violation as `rule (impact): help — where`, one line
 * per element.
 * @example await seriousViolations(page) // [] or ['nested-interactive (serious): … — report-search > #o0']
 */
export async function seriousViolations(scope: Page | Frame, include?: string): Promise<string[]> {
  if (!(await scope.evaluate(() => 'axe' in window))) await scope.evaluate(AXE_SOURCE);
  const violations = (await scope.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, { iframes: false, resultTypes: ['violations'] });
    return result.violations;
  }, include)) as AxeViolation[];
  return violations
    .filter((violation) => FAILING_IMPACTS.includes(violation.impact ?? ''))
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} — ${JSON.stringify(node.target)}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`));
}
