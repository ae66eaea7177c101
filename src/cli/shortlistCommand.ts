import { parseOptions } from './parseOptions.js';
import { markdownCell, withoutRawHtml } from '../report/markdownText.js';
import { prepareMatch } from '../engine/match.js';
import { refuseQuotas } from '../engine/refuseQuotas.js';
import { CoachmatchError } from '../errors.js';
import { wholeNumberOption } from './wholeNumberOption.js';
import { guaranteedShortlists, type GuaranteedShortlists } from '../explain/guaranteedShortlists.js';
import { parseCohort } from '../model/parseCohort.js';
import { policyPresetNames } from '../model/policyPresets.js';
import { presetOption } from './presetOption.js';
import { readJsonFile } from './readJsonFile.js';
import { writeOutput } from './writeOutput.js';

export const shortlistUsage = `coachmatch shortlist <cohort.json> [--k 3] [--preset ${policyPresetNames.join('|')}] [--format json|md] [--out file]

Shortlists for self-match programmes: k coaches per coachee such that whatever each coachee
picks can be honoured (no coach on more lists than it has places), with the best total score;
when no such lists exist, each coachee's own k best and where their choices could collide.
Exit code 0: every choice can be honoured; 1: collisions reported; 2: bad input.`;

/** `coachmatch shortlist`: returns the process exit code. */
export function shortlistCommand(args: string[]): number {
  const { values, positionals } = parseOptions({
    args,
    allowPositionals: true,
    options: {
      k: { type: 'string', default: '3' },
      preset: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new CoachmatchError('invalidArgument', `expected one cohort file\n\n${shortlistUsage}`);
  const k = wholeNumberOption('k', values.k, 1);
  const preset = presetOption(values.preset);
  if (values.format !== 'json' && values.format !== 'md') {
    throw new CoachmatchError('invalidArgument', `--format must be json or md, got ${JSON.stringify(values.format)}`);
  }
  const cohort = parseCohort(readJsonFile(positionals[0]!));
  const prepared = prepareMatch(cohort, { policy: preset === undefined ? undefined : { preset } });
  refuseQuotas(prepared, 'shortlist');
  const result = guaranteedShortlists(prepared, k);
  const names = new Map([...cohort.coaches, ...cohort.coachees].map((p) => [p.id, p.name]));
  writeOutput(values.format === 'md' ? renderShortlists(result, names, cohort.name ?? 'Shortlists') : JSON.stringify(result, null, 2), values.out);
  return result.guaranteed ? 0 : 1;
}

function renderShortlists(result: GuaranteedShortlists, names: ReadonlyMap<string, string>, title: string): string {
  const name = (id: string) => markdownCell(names.get(id) ?? id);
  const out = [`# ${title}: shortlists`, ''];
  out.push(result.guaranteed ? 'Every coachee can pick any coach on their list: no coach is listed more often than it has places.' : `Choices could collide: ${result.reason ?? 'some coaches are listed more often than they have places'}.`, '');
  if (result.collisions.length > 0) {
    out.push('## Where choices could collide', '');
    for (const c of result.collisions) out.push(`- **${name(c.coachId)}**: ${c.capacity} place(s), listed by ${c.listedBy.length}: ${c.listedBy.map(name).join(', ')}`);
    out.push('');
  }
  out.push('## Lists', '', '| Coachee | Coaches (best first) |', '|---|---|');
  for (const list of result.lists) out.push(`| ${name(list.coacheeId)} | ${list.coachIds.map(name).join(', ')} |`);
  return withoutRawHtml(`${out.join('\n')}\n`);
}
