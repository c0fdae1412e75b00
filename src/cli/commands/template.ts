/**
 * `notices template build DOCS… [--out FILE] [--name NAME]`: derive a notice template from a set
 * of notices of one generation (the wording most share, parameters as placeholders).
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { buildTemplate, templateJson } from '../../diff/build.js';
import { readNotice } from '../notice-input.js';
import type { DocumentRecord } from '../../record.js';

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
        const notice = await readNotice(file);
        if (!notice) return;
        notices.push(notice);
      }
      const json = templateJson(buildTemplate(notices, { name: options.name }));
      if (options.out) writeFileSync(options.out, json);
      else process.stdout.write(json);
    });
}
