/**
 * `tsdl validate <id>`: what an instructor runs before publishing an assignment. Under every
 * sandbox configuration (configs.ts):
 * - the source notebook scores full marks, and the released notebook scores 0;
 * - each known mistake with a plant, planted into the source, loses that function's points and no
 *   other's, and its feedback names the mistake;
 * and the verdicts (every function's score for each of these notebooks) are the same in every
 * configuration. Under the default configuration, the source and each planted mistake also score
 * the same with the graded cells merged into one cell and in reverse order. Every hidden case must
 * fail for at least one known mistake that returns a wrong value (a mistake that throws counts only
 * when it is declared to throw).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AssignmentContext, assignmentLocation, loadAssignment, withRun } from '../grade/context';
import { gradeSubmission, SubmissionResult } from '../grade/grade';
import { verdictFor } from '../grade/verdict';
import { prepareRun, RunChoices } from '../batch/run-config';
import { readNotebook, writeNotebook, Notebook } from '../notebook';
import { AuthoringOptions, contextChecks, fileChecks } from './authoring';
import { gradingConfigs, NamedConfig } from './configs';
import { mergedLayout, plantMistake, PlantError, reversedLayout } from './variants';

export interface ValidationReport { ok: boolean; lines: string[] }
export interface ValidateOptions { configs?: NamedConfig[]; layouts?: boolean; base?: RunChoices; repo?: string; authoring?: AuthoringOptions }

export function mutationGaps(ctx: AssignmentContext): string[] {
  const gaps: string[] = [];
  for (const name of ctx.order) {
    const declared = ctx.suite[name].mistakes ?? [];
    ctx.cases[name].forEach((c, i) => {
      // Caught: the grader's own verdict on the mistake's value is a failure.
      const caught = c.mistakes.some((m, k) => (m.output === undefined ? declared[k]?.throws === true : verdictFor(m.output, c) !== null));
      if (!caught) {
        const crashed = c.mistakes.filter((m, k) => m.output === undefined && !declared[k]?.throws);
        gaps.push(`${name}: hidden test ${i + 1} (${c.name}) passes for every planted mistake (${c.mistakes.length} planted`
          + `${crashed.length ? `; ${crashed.length} crashed, not caught: ${crashed.map((m) => `'${m.message}' threw ${m.threw}`).join('; ')}` : ''})`);
      }
    });
  }
  return gaps;
}

type Scores = Record<string, number>;
const scoresOf = (r: SubmissionResult): Scores => Object.fromEntries(r.tests.map((t) => [t.name, t.score]));

interface Variant { label: string; nb: Notebook; fn?: string; message?: string }

async function gradeNotebook(ctx: AssignmentContext, nb: Notebook, dir: string, label: string): Promise<SubmissionResult> {
  const file = path.join(dir, `${label.replace(/[^\w.-]+/g, '_')}.ipynb`);
  writeNotebook(file, nb);
  return gradeSubmission(ctx, file, undefined, label);
}

export async function validateAssignment(id: string, opts: ValidateOptions = {}): Promise<ValidationReport> {
  const repo = opts.repo ?? path.resolve(__dirname, '..', '..');
  const configs = opts.configs ?? gradingConfigs(opts.base);
  const lines: string[] = [];
  let ok = true;
  const check = (pass: boolean, line: string, details: string[] = []): void => {
    ok &&= pass;
    lines.push(`${pass ? 'ok  ' : 'FAIL'} ${line}`);
    if (!pass) for (const d of details) lines.push(`     ${d.replace(/\n/g, '\n     ')}`);
  };
  const loc = assignmentLocation(id);
  const released = path.join(repo, 'notebooks', `${loc.id}.ipynb`);
  for (const r of await fileChecks(loc.id, loc.dir, released, opts.authoring)) check(r.pass, r.line, r.details);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tsdl-validate-${loc.id}-`));
  const verdicts = new Map<string, Map<string, string>>();
  let loaded: AssignmentContext | null = null;
  try {
    for (const [ci, config] of configs.entries()) {
      let ctx: AssignmentContext;
      // Compiled once; each further configuration only runs the reference again in its own sandbox setup.
      try { ctx = loaded ? await withRun(loaded, await prepareRun(config.choices)) : await loadAssignment(id, await prepareRun(config.choices)); } catch (e) {
        check(false, `${config.name}: the assignment does not load`, [(e as Error).message]);
        break;
      }
      loaded ??= ctx;
      const source = readNotebook(path.join(ctx.dir, 'source.ipynb'));
      const variants: Variant[] = [{ label: 'source', nb: source }];
      for (const name of ctx.order) {
        for (const m of ctx.suite[name].mistakes ?? []) {
          if (!m.plant) continue;
          try { variants.push({ label: `${name}: ${m.message}`, nb: plantMistake(source, name, m), fn: name, message: m.message }); } catch (e) {
            if (!(e instanceof PlantError)) throw e;
            check(false, `${config.name}: ${e.message}`);
          }
        }
      }
      const seen = new Map<string, string>();
      for (const v of variants) {
        const r = await gradeNotebook(ctx, v.nb, tmp, v.label);
        seen.set(v.label, JSON.stringify(scoresOf(r)));
        if (!v.fn) {
          check(r.score === r.max_score, `${config.name}: source notebook scores ${r.score} / ${r.max_score}`,
            r.tests.filter((t) => t.score < t.max_score).map((t) => `${t.name}: ${t.output}`));
          continue;
        }
        const lost = r.tests.filter((t) => t.score < t.max_score).map((t) => t.name);
        const own = r.tests.find((t) => t.name === v.fn)!;
        const named = own.output.includes(v.message!);
        check(lost.length === 1 && lost[0] === v.fn && named,
          `${config.name}: planted mistake ${v.label} loses ${lost.length === 0 ? 'no points' : `points in ${lost.join(', ')}`}${named ? ', named in the feedback' : ''}`,
          [lost.length === 1 && lost[0] === v.fn ? `the feedback does not name the mistake:\n${own.output}` : `expected only ${v.fn} to lose points`]);
        if (opts.layouts !== false && ci === 0) {
          for (const [layout, make] of [['merged into one cell', (nb: Notebook) => mergedLayout(nb)], ['reversed', reversedLayout]] as const) {
            const lr = await gradeNotebook(ctx, make(v.nb), tmp, `${v.label} (${layout})`);
            check(JSON.stringify(scoresOf(lr)) === seen.get(v.label), `layout ${layout}: planted mistake ${v.label} scores as in the standard layout`,
              [`standard ${seen.get(v.label)}, ${layout} ${JSON.stringify(scoresOf(lr))}`]);
          }
        }
      }
      if (opts.layouts !== false && ci === 0) {
        for (const [layout, make] of [['merged into one cell', (nb: Notebook) => mergedLayout(nb)], ['merged in reverse order', (nb: Notebook) => mergedLayout(nb, true)], ['reversed', reversedLayout]] as const) {
          const lr = await gradeNotebook(ctx, make(source), tmp, `source (${layout})`);
          check(lr.score === lr.max_score, `layout ${layout}: source scores ${lr.score} / ${lr.max_score}`, lr.tests.filter((t) => t.score < t.max_score).map((t) => `${t.name}: ${t.output}`));
        }
      }
      if (!fs.existsSync(released)) check(false, `released notebook ${released} not found (run tsdl release)`);
      else {
        const r = await gradeSubmission(ctx, released, undefined, 'released');
        check(r.score === 0, `${config.name}: released notebook scores ${r.score} / ${r.max_score}`);
        seen.set('released', JSON.stringify(scoresOf(r)));
      }
      verdicts.set(config.name, seen);
      if (ci === 0) {
        for (const r of contextChecks(ctx)) check(r.pass, r.line, r.details);
        const gaps = mutationGaps(ctx);
        const total = ctx.order.reduce((s, n) => s + ctx.cases[n].length, 0);
        check(gaps.length === 0, `${total - gaps.length} of ${total} hidden tests fail for a known mistake that returns a wrong value`, gaps);
      }
    }
    const [first, ...rest] = [...verdicts.entries()];
    for (const [name, seen] of rest) {
      const differ = [...first[1].keys()].filter((k) => first[1].get(k) !== seen.get(k));
      check(differ.length === 0, `${name}: every verdict equals ${first[0]}'s (${first[1].size} notebooks)`,
        differ.map((k) => `${k}: ${first[0]} ${first[1].get(k)}, ${name} ${seen.get(k)}`));
    }
  } finally {
    loaded?.compiler.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { ok, lines };
}
