/**
 * `notices diff FILE [--template T] [--json]`: how one notice differs from the standard one: a
 * redline in the terminal, or the SPEC's `{template, alignment, pairs, variations}` as JSON.
 */
import type { Command } from 'commander';
import { diffNotice, loadTemplate } from '../../diff/index.js';
import { redline } from '../../diff/redline.js';
import { processFile } from '../../pipeline.js';
import { DiffResult } from '../../record.js';
import { EXIT, describeError, writeJson } from '../output.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare one improvement notice with the standard notice template')
    .argument('<file>', 'a notice, PDF or plain text')
    .option('--template <file>', 'the template to compare with (default: the standard improvement notice)')
    .option('--json', 'print the alignment and variations as JSON')
    .action(async (file: string, options: { template?: string; json?: boolean }) => {
      const result = await processFile(file);
      if (!result.ok) {
        process.stderr.write(`notices: ${describeError(result.error, file)}\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      if (result.value.kind !== 'improvement_notice') {
        process.stderr.write(`notices: ${file}: not an improvement notice (read as ${result.value.kind})\n`);
        process.exitCode = EXIT.badInput;
        return;
      }
      const diff = DiffResult.parse(diffNotice(result.value, loadTemplate(options.template)));
      if (options.json) writeJson(diff);
      else process.stdout.write(redline(diff, { colour: process.stdout.isTTY === true, title: file }));
    });
}
