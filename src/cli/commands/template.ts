/**
 * `notices template build DOCS… [--out FILE] [--name NAME]`: derive a notice template from a set
 * of notices of one generation (the wording most share, parameters as placeholders).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildTemplate, templateJson } from '../../diff/build.js';
import { processFile } from '../../pipeline.js';
import type { DocumentRecord } from '../../record.js';
import { EXIT, describeError } from '../output.js';

export function registerTemplate(program: Command): void {
  const template = program.command('template').description('notice templates');
  template
    .command('build')
    .description('build a template from notices of one generation')
    .argument('<docs...>', 'notices, PDF or plain text')
    .option('--out <file>', 'write the template here instead of stdout')
    .option('--name <name>', 'the template name (default: <kind>-<year of the earliest notice>)')
    .action(async (docs: string[], options: { out?: string; name?: string }) => {
      const notices: DocumentRecord[] = [];
      for (const file of docs) {
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
        notices.push(result.value);
      }
      const json = templateJson(buildTemplate(notices, { name: options.name }));
      if (options.out) writeFileSync(options.out, json);
      else process.stdout.write(json);
    });
}
