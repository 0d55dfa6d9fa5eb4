import { readFileSync } from 'node:fs';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileLine {
  readonly name: string;
  /** Share of the busy (non-idle) time, 0..1. */
  readonly share: number;
}

export interface ProfileSummary {
  readonly busyMs: number;
  /** Busy time by what the work was for (see BUCKETS). */
  readonly buckets: readonly ProfileLine[];
  /** Our functions, with everything they call synchronously (async continuations start new stacks). */
  readonly inclusive: readonly ProfileLine[];
  /** Self time per function, any module. */
  readonly hottest: readonly ProfileLine[];
}

/**
 * What a sample's time was for: the frame nearest the leaf that matches a rule decides, so
 * JSON.stringify called by BotState counts as state, the templating library called by the
 * renderer as cards. Rules are tried in order on each frame.
 */
const BUCKETS: readonly (readonly [string, RegExp])[] = [
  ['content loading and checks (content-loader, zod schemas)', /content-loader|routing-loader|\/dist\/src\/config\//],
  ['matching (src/matching, src/knowledge)', /\/dist\/src\/(matching|knowledge)\//],
  [
    'card rendering (src/views, adaptivecards-templating, adaptive-expressions)',
    /\/dist\/src\/views\/|adaptivecards-templating|adaptive-expressions|antlr4ts/,
  ],
  [
    'DialogContext setup (botbuilder-dialogs memory scopes, per context)',
    /botbuilder-dialogs\/lib\/memory\/|dialogsBotComponent|botbuilder-dialogs-adaptive-runtime-core/,
  ],
  ['dialogs (botbuilder-dialogs, src/dialogs)', /botbuilder-dialogs\/|\/dist\/src\/dialogs\//],
  [
    'state and storage (BotState, storages, lmdb, dedupe, recent turns, tickets, feedback)',
    /botbuilder-core\/lib\/(botState|memoryStorage|botStatePropertyAccessor|storage)|\/dist\/src\/(storage|support|feedback)\/|node_modules\/lmdb\/|dedupe-middleware|recent-turns|proper-lockfile|write-file-atomic|graceful-fs|signal-exit|retry\//,
  ],
  ['endpoint checks (src/server.ts, zod)', /\/dist\/src\/server\.js|\/zod\/v4\//],
  ['Connector client built per turn (@azure/*, @typespec, botframework-connector)', /@azure\/|@typespec\/|botframework-connector/],
  [
    'turn pipeline (botbuilder, botbuilder-core, src/bot, bench/echo-bot)',
    /node_modules\/botbuilder(-core|-stdlib)?\/|node_modules\/zod\/|\/dist\/src\/bot\/|\/dist\/src\/i18n\/|\/dist\/bench\//,
  ],
  ['HTTP (restify, sockets, JSON bodies)', /restify|find-my-way|node:(_)?http|node:net|node:internal\/(stream|net|http)/],
];

const LOADER = /^node:internal\/modules\//;

function bucketOf(stack: readonly CallFrame[]): string {
  if (stack[0]?.functionName === '(garbage collector)') return 'garbage collection';
  // A require() nearer the leaf than any of our code: loading and compiling modules.
  const loader = stack.findIndex((f) => LOADER.test(f.url));
  const ours = stack.findIndex((f) => f.url.includes('/dist/src/'));
  if (loader >= 0 && (ours < 0 || loader < ours)) return 'module loading (require, compile, module top level)';
  if (stack[0]?.functionName === 'writev' || stack[0]?.functionName === 'writeUtf8String') return 'HTTP (restify, sockets, JSON bodies)';
  for (const frame of stack) {
    for (const [name, rule] of BUCKETS) if (rule.test(frame.url)) return name;
  }
  return 'other (event loop, microtasks, node internals)';
}

const where = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${f.url.replace(/.*node_modules\//, '').replace(/.*\/dist\//, '')}:${f.lineNumber + 1}`;

/** Reads a CPU profile and says where its busy time went. */
export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const buckets = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id)!.callFrame;
    if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') return;
    busy += ms;
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.push(byId.get(at)!.callFrame);
    add(buckets, bucketOf(stack), ms);
    add(self, where(leaf), ms);
    // Each function counted once per sample, however deep its recursion.
    for (const key of new Set(stack.filter((f) => f.url.includes('/dist/src/')).map(where))) add(inclusive, key, ms);
  });
  const lines = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, share: ms / busy }));
  return { busyMs: busy, buckets: lines(buckets, 20), inclusive: lines(inclusive, top), hottest: lines(self, top) };
}
