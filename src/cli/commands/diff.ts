/**
 * `notices diff FILE [--template T] [--json]`: how one notice differs from the standard one: a
 * redline in the terminal, or the SPEC's `{template, alignment, pairs, variations}` as JSON.
 */
import type { Command } from 'commander';
import { diffNotice, loadTemplate } from '../../diff/index.js';
import { redline } from '../../diff/redline.js';
import { readNotice } from '../notice-input.js';
import { DiffResult } from '../../record.js';
import { useColour, writeJson } from '../output.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare one improvement notice with the standard notice template')
    .argument('<file>', 'a notice, PDF or plain text (- reads standard input)')
    .option('--template <file>', 'the template to compare with (default: the standard improvement notice)')
    .option('--json', 'print the alignment and variations as JSON')
    .action(async (file: string, options: { template?: string; json?: boolean }) => {
      const notice = await readNotice(file);
      if (!notice) return;
      const diff = DiffResult.parse(diffNotice(notice, loadTemplate(options.template)));
      if (options.json) writeJson(diff);
      else process.stdout.write(redline(diff, { colour: useColour(), title: file }));
    });
}
