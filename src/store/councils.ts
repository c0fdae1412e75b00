/**
 * The council register (mySociety, CC-BY-4.0) as the corpus's `councils` table, so documents
 * join to GSS codes, types and nations in SQL. Loaded once into a new corpus.
 */
import type { Database } from 'better-sqlite3';
import { loadRegister } from '../recognise/register.js';

export function seedCouncils(db: Database): void {
  const count = db.prepare('SELECT COUNT(*) FROM councils').pluck().get() as number;
  if (count > 0) return;
  const insert = db.prepare(`INSERT INTO councils (code, gss, name, nice_name, type, type_name, nation, start_date, end_date, replaced_by, alt_names, current)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const c of loadRegister().councils) {
      insert.run(c.code, c.gss || null, c.name, c.niceName, c.type, c.typeName, c.nation, c.startDate, c.endDate,
        JSON.stringify(c.replacedBy), JSON.stringify(c.altNames), c.current ? 1 : 0);
    }
  })();
}
