import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SearchAttributeType } from './local-servers';

/**
 * The dev server keeps its workflow list (visibility) in one SQLite table with 59 indexes: one per
 * built-in list filter and one per pre-allocated search-attribute column (Bool01-03, Int01-03, ...,
 * Keyword01-10, and Temporal's own for schedules, deployments and batch jobs). Each visibility
 * write (a workflow's start, each search-attribute upsert, its close) replaces the row, so it
 * updates every index, and SQLite compiles that statement anew each time: about a third of the
 * dev server's CPU in the benchmark. These are the indexes of columns this service never fills
 * nor filters on; an index only speeds a query up, so a list filtered on one of them still
 * answers, by scanning.
 */
const UNUSED_BY_THIS_SERVICE = [
  'by_history_length',
  'by_history_size_bytes',
  'by_execution_duration',
  'by_state_transition_count',
  'by_parent_run_id',
  'by_root_run_id',
  'by_batcher_user',
  'by_temporal_scheduled_start_time',
  'by_temporal_scheduled_by_id',
  'by_temporal_schedule_paused',
  'by_temporal_pause_info',
  'by_temporal_worker_deployment_version',
  'by_temporal_workflow_versioning_behavior',
  'by_temporal_worker_deployment',
  'by_temporal_bool_01',
  'by_temporal_bool_02',
  'by_temporal_datetime_01',
  'by_temporal_datetime_02',
  'by_temporal_double_01',
  'by_temporal_double_02',
  'by_temporal_int_01',
  'by_temporal_int_02',
  'by_temporal_keyword_01',
  'by_temporal_keyword_02',
  'by_temporal_keyword_03',
  'by_temporal_keyword_04',
  'by_temporal_low_cardinality_keyword_01',
];

/** The pre-allocated columns' indexes of each custom type (Text and KeywordList use full-text tables). */
const CUSTOM_COLUMN_INDEXES: Partial<Record<SearchAttributeType, string[]>> = {
  Bool: numbered('by_bool', 3),
  Datetime: numbered('by_datetime', 3),
  Double: numbered('by_double', 3),
  Int: numbered('by_int', 3),
  Keyword: numbered('by_keyword', 10),
};

function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}_${String(i + 1).padStart(2, '0')}`);
}

/** Which indexes to drop: the ones above, and those of custom column types no attribute here has. */
export function unusedVisibilityIndexes(searchAttributes: Record<string, SearchAttributeType>): string[] {
  const typesInUse = new Set(Object.values(searchAttributes));
  const unusedTypes = Object.entries(CUSTOM_COLUMN_INDEXES).filter(([type]) => !typesInUse.has(type as SearchAttributeType));
  return [...UNUSED_BY_THIS_SERVICE, ...unusedTypes.flatMap(([, indexes]) => indexes ?? [])];
}

// Node 20 has no SQLite module; Python's standard library does, and installing the tools already
// needs Python. One immediate transaction, so it waits for the running server's writes.
const DROP_INDEXES_PY = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1], timeout=30, isolation_level=None)
db.execute("BEGIN IMMEDIATE")
present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'executions_visibility'")}
dropped = [name for name in sys.argv[2:] if name in present]
for name in dropped:
    db.execute('DROP INDEX "%s"' % name)
db.execute("COMMIT")
print(json.dumps({"dropped": dropped, "kept": sorted(present - set(dropped))}))
`;

export interface VisibilityIndexes {
  dropped: string[];
  kept: string[];
}

/**
 * Drops the unused indexes from a running dev server's file database (its connections compile
 * their statements again on their next use). Run at every start: it is a no-op once done.
 */
export async function dropUnusedVisibilityIndexes(
  dbFilename: string,
  searchAttributes: Record<string, SearchAttributeType>,
): Promise<VisibilityIndexes> {
  const { stdout } = await promisify(execFile)('python3', ['-c', DROP_INDEXES_PY, dbFilename, ...unusedVisibilityIndexes(searchAttributes)], {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as VisibilityIndexes;
}
