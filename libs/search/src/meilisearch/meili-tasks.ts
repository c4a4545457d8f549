import { DomainError, errorMessage } from '@parallax/domain';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, MeilisearchTaskTimeOutError, type EnqueuedTaskPromise, type Task } from 'meilisearch';

export interface TaskWait {
  /** Longest wait for one task (a big batch on a busy engine takes a while). */
  timeoutMs: number;
  /** Polling interval of GET /tasks/:uid. */
  intervalMs: number;
}

/** A write task that Meilisearch processed and marked failed (or that was canceled). */
export class MeiliTaskFailedError extends DomainError {
  constructor(readonly task: Task) {
    super('UNAVAILABLE', describeFailedTask(task), { taskUid: task.uid, taskType: task.type, errorCode: task.error?.code ?? null });
  }
}

export function describeFailedTask(task: Task): string {
  const why = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
  return `meilisearch task ${task.uid} (${task.type} on ${task.indexUid ?? '-'}) ${task.status}: ${why}`;
}

/**
 * Enqueues a write and waits for its task to finish (https://www.meilisearch.com/docs/learn/async/asynchronous_operations):
 * a write answered 202 is only queued, and may still fail (a bad document, a full disk). Every
 * write goes through here so none is reported done before Meilisearch says `succeeded`.
 */
export async function awaitTask(enqueue: () => EnqueuedTaskPromise, wait: TaskWait): Promise<Task> {
  const task = await enqueue().waitTask({ timeout: wait.timeoutMs, interval: wait.intervalMs });
  if (task.status !== 'succeeded') throw new MeiliTaskFailedError(task);
  return task;
}

/**
 * Any client failure as a DomainError: the engine unreachable, timing out or answering an error is
 * `UNAVAILABLE` (the outbox keeps the work); our own DomainErrors pass through.
 */
export function asDomainError(err: unknown, doing: string): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof MeilisearchApiError) {
    const code = err.cause?.code ?? String(err.response.status);
    return new DomainError('UNAVAILABLE', `meilisearch ${doing}: ${code}: ${err.cause?.message ?? err.message}`, { errorCode: code });
  }
  if (err instanceof MeilisearchTaskTimeOutError) return new DomainError('UNAVAILABLE', `meilisearch ${doing}: ${err.message}`);
  if (err instanceof MeilisearchRequestTimeOutError || err instanceof MeilisearchRequestError) {
    return new DomainError('UNAVAILABLE', `meilisearch unreachable (${doing}): ${err.message}`);
  }
  return new DomainError('UNAVAILABLE', `meilisearch ${doing}: ${errorMessage(err)}`);
}
