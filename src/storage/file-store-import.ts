import { existsSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreItems } from 'botbuilder';
import { feedbackEventKey, type FeedbackEntry } from '../feedback/feedback-log';
import type { LmdbStorage } from './lmdb-storage';
import type { Logger } from '../logging/logger';

/** Set once an import finished; a later start with the old folder still there does nothing. */
export const IMPORT_MARKER = 'meta/file-store-import';
/** The old folder is renamed to this once imported, kept for the operator to delete. */
export const IMPORTED_DIR = 'state.imported';
const LEGACY_FEEDBACK = /^feedback\/\d{4}-\d{2}-\d{2}$/;

/** What the import found, by kind of record, for the log. */
export type ImportCounts = Record<string, number>;

/**
 * Moves a DATA_DIR written by the old file store (one `{ key, item }` JSON file per key under
 * `state/`) into LMDB, once. Each record is inserted only if its key is absent, and the day
 * documents of feedback become one record per entry under keys derived from the entry, so an
 * import cut short and run again adds what is missing and doubles nothing. Temporary files and
 * lock folders left by the old store are not data; an unreadable file is logged and left in place.
 */
export async function importFileStore(dataDir: string, store: LmdbStorage, log: Logger): Promise<ImportCounts | undefined> {
  const dir = join(dataDir, 'state');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return undefined;
  if ((await store.read([IMPORT_MARKER]))[IMPORT_MARKER]) return undefined;
  const counts: ImportCounts = {};
  const items: StoreItems = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const record = readOldRecord(join(dir, name), log);
    if (!record) {
      counts.unreadable = (counts.unreadable ?? 0) + 1;
      continue;
    }
    const { eTag: _eTag, ...item } = record.item;
    if (LEGACY_FEEDBACK.test(record.key)) {
      const entries = (item.entries ?? []) as FeedbackEntry[];
      entries.forEach((entry, i) => (items[feedbackEventKey(entry.at, `import-${record.key.slice(9)}-${i}`)] = { ...entry }));
      counts['feedback events'] = (counts['feedback events'] ?? 0) + entries.length;
    } else {
      items[record.key] = item;
      counts[kindOf(record.key)] = (counts[kindOf(record.key)] ?? 0) + 1;
    }
  }
  const added = await store.insertMissing(items);
  await store.write({ [IMPORT_MARKER]: { at: new Date().toISOString(), from: dir, counts, added } });
  renameSync(dir, join(dataDir, IMPORTED_DIR));
  log.info({
    event: 'file_store_imported',
    from: dir,
    keptIn: join(dataDir, IMPORTED_DIR),
    counts,
    added,
    alreadyPresent: Object.keys(items).length - added,
  });
  return counts;
}

function readOldRecord(file: string, log: Logger): { key: string; item: Record<string, unknown> } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { key?: unknown; item?: unknown };
    if (typeof parsed.key === 'string' && parsed.item && typeof parsed.item === 'object')
      return parsed as { key: string; item: Record<string, unknown> };
  } catch {
    // logged below
  }
  log.warn({ event: 'file_store_import_unreadable', file });
  return undefined;
}

function kindOf(key: string): string {
  if (/^[^/]+\/conversations\//.test(key)) return 'conversation state';
  if (/^[^/]+\/users\//.test(key)) return 'user state';
  if (key.startsWith('tickets/index/')) return 'ticket indexes';
  if (key.startsWith('tickets/')) return 'tickets';
  if (key.startsWith('outbox/')) return 'outbox';
  if (key.startsWith('support/')) return 'registrations';
  if (key.startsWith('delivered/')) return 'dedupe claims';
  return 'other';
}
