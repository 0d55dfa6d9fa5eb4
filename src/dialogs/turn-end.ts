import type { TurnContext } from 'botbuilder';

type Task = () => Promise<void>;
const TURN_END = Symbol('turnEnd');

/**
 * Writes that can wait for the end of the turn (insight records, and on LMDB the turn claim's
 * done mark): the bot starts them together with the state save, so an embedded store commits
 * them in the same transaction instead of one more commit, and one more wait for the disk.
 * A middleware may begin the list first; the bot keeps what it queued.
 */
export function beginTurnEnd(context: TurnContext): void {
  if (!context.turnState.has(TURN_END)) context.turnState.set(TURN_END, []);
}

/** Queues `task` for the turn's end when the bot collects them; otherwise runs it now. */
export function atTurnEnd(context: TurnContext, task: Task): Promise<void> {
  const tasks = context.turnState.get(TURN_END) as Task[] | undefined;
  if (!tasks) return task();
  tasks.push(task);
  return Promise.resolve();
}

/** Starts every queued task (at most once) and returns their promises. */
export function runTurnEnd(context: TurnContext): Promise<void>[] {
  const tasks = (context.turnState.get(TURN_END) as Task[] | undefined) ?? [];
  context.turnState.delete(TURN_END);
  return tasks.map((task) => task());
}
