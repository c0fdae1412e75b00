/**
 * A diff as a person reads it in a terminal: features first, then each clause that varies, with
 * added words as `{+…+}` (green), removed words as `[-…-]` (red) and parameters as `«…»` (cyan).
 * The markers stay without colour, so the redline reads the same in a file or a pipe.
 */
import type { DiffResult, Variation } from '../record.js';

const COLOURS = { insert: 32, delete: 31, parameter: 36, heading: 1 } as const;

export function redline(result: DiffResult, options: { colour: boolean; title?: string }): string {
  const paint = (what: keyof typeof COLOURS, text: string) => (options.colour ? `\x1b[${COLOURS[what]}m${text}\x1b[0m` : text);
  const value = (v: unknown) => JSON.stringify(v ?? null);
  // A removed clause exists only in the template; otherwise the notice's clause, and the
  // template's where its number differs.
  const at = (v: Variation) =>
    v.kind === 'removed'
      ? `- (template ${v.template_clause})`
      : v.template_clause && v.template_clause !== v.clause
        ? `${v.clause ?? '-'} (template ${v.template_clause})`
        : (v.clause ?? '-');
  const fillsOf = new Map(result.variations.filter((v) => v.kind === 'parameter').map((v) => [v.clause, v.parameters ?? {}]));
  const showParameters = (text: string, fills: Record<string, string>) =>
    text.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => paint('parameter', `«${fills[name] ?? placeholder}»`));

  const lines: string[] = [paint('heading', `${options.title ? `${options.title} ` : ''}against template ${result.template}`)];
  const features = result.variations.filter((v) => v.kind === 'feature');
  lines.push('', paint('heading', `Features (${features.length} differ)`));
  for (const v of features) lines.push(`  ${v.feature}: ${value(v.template_value)} -> ${value(v.notice_value)}  [clause ${at(v)}]`);

  lines.push('', paint('heading', 'Clauses'));
  for (const v of result.variations) {
    if (v.kind === 'parameter') {
      const fills = Object.entries(v.parameters ?? {}).map(([name, text]) => `${name} = ${paint('parameter', `«${text}»`)}`);
      lines.push(`  ${at(v)}  parameter  ${fills.join(', ')}`);
    } else if (v.kind === 'wording') {
      const fills = fillsOf.get(v.clause) ?? {};
      const words = (v.diff ?? [])
        .map((part) =>
          part.op === 'insert' ? paint('insert', `{+${part.text}+}`) : part.op === 'delete' ? paint('delete', `[-${part.text}-]`) : part.text,
        )
        .join('');
      lines.push(`  ${at(v)}  wording    ${showParameters(words, fills)}`);
    } else if (v.kind === 'removed') {
      lines.push(`  ${at(v)}  removed    ${paint('delete', `[-${v.template_text ?? ''}-]`)}`);
    } else if (v.kind === 'added') {
      lines.push(`  ${at(v)}  added      ${paint('insert', `{+${v.notice_text ?? ''}+}`)}`);
    }
  }
  const counts = ['parameter', 'wording', 'added', 'removed', 'feature'].map(
    (kind) => `${result.variations.filter((v) => v.kind === kind).length} ${kind}`,
  );
  lines.push('', counts.join(', '));
  return `${lines.join('\n')}\n`;
}
