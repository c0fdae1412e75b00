/**
 * `notices search QUERY [--db FILE]`: clauses matching a full-text query, with council,
 * document and clause id.
 */
import type { Command } from 'commander';
import { openCorpus } from '../../store/read.js';
import { searchClauses } from '../../store/search.js';
import { DEFAULT_DB, EXIT, positiveInteger, writeJson } from '../output.js';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('full-text search of clause text in the corpus')
    .argument('<query>', 'words, or an FTS5 query ("front door" OR MASH)')
    .option('--db <file>', 'the corpus', DEFAULT_DB)
    .option('--limit <n>', 'at most this many clauses', positiveInteger, 50)
    .option('--json', 'print the hits as JSON')
    .action((query: string, options: { db: string; limit: number; json?: boolean }) => {
      const db = openCorpus(options.db, { readonly: true });
      try {
        const hits = searchClauses(db, query, options.limit);
        if (options.json) writeJson(hits);
        else {
          for (const hit of hits) {
            process.stdout.write(`${hit.council ?? '(no council)'}\t${hit.path}\tclause ${hit.clause} (p. ${hit.page})\t${hit.snippet}\n`);
          }
        }
        if (hits.length === 0) process.stderr.write(`notices: no clause matches ${JSON.stringify(query)}\n`);
        process.exitCode = EXIT.ok;
      } finally {
        db.close();
      }
    });
}
