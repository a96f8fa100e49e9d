/**
 * Group commit: writes arriving within a few milliseconds of each other go to the database as
 * one batch (one transaction, one commit, one flush to disk), and each caller is answered only
 * after that commit. At a peak this turns thousands of commits a second into a few hundred. The
 * queue holds only writes still waiting for their answer: if the process dies, none of them was
 * acknowledged, so nothing acknowledged is lost.
 */
export interface GroupCommitOptions<In, Out> {
  /** Writes a batch in one commit; the answers in the order of `rows` (undefined: not written). */
  writeMany: (rows: In[]) => Promise<(Out | undefined)[]>;
  /** One row alone: when a batch fails, each of its rows is tried this way, so one bad row fails only itself. */
  writeOne: (row: In) => Promise<Out | undefined>;
  /**
   * How long the first write of a batch waits for others. 0: until the event loop has taken in
   * what already arrived (with a limit on batches in flight, the wait for a free slot gathers the rest).
   */
  waitMs?: number;
  maxBatch?: number;
  /**
   * Batches being written at once. While they are, new writes gather for the next batch, so a
   * busy spell makes batches larger (fewer round trips and flushes) instead of queueing more
   * small transactions behind each other.
   */
  maxInFlight?: number;
}

interface Waiting<In, Out> { row: In; resolve: (out: Out | undefined) => void; reject: (err: unknown) => void }

export function groupCommit<In, Out>({ writeMany, writeOne, waitMs = 2, maxBatch = 500, maxInFlight = Infinity }: GroupCommitOptions<In, Out>) {
  const waiting: Waiting<In, Out>[] = [];
  let scheduled = false;
  let inFlight = 0;

  async function write(batch: Waiting<In, Out>[]) {
    try {
      const answers = await writeMany(batch.map((w) => w.row));
      batch.forEach((w, i) => w.resolve(answers[i]));
    } catch {
      for (const w of batch) await writeOne(w.row).then(w.resolve, w.reject);
    }
  }

  function flush() {
    scheduled = false;
    while (waiting.length && inFlight < maxInFlight) {
      inFlight++;
      void write(waiting.splice(0, maxBatch)).finally(() => {
        inFlight--;
        // What gathered meanwhile has waited long enough.
        if (waiting.length) flush();
      });
    }
  }

  return (row: In): Promise<Out | undefined> =>
    new Promise((resolve, reject) => {
      waiting.push({ row, resolve, reject });
      if (inFlight >= maxInFlight) return;
      if (waiting.length >= maxBatch) flush();
      else if (!scheduled) {
        scheduled = true;
        if (waitMs > 0) setTimeout(flush, waitMs);
        else setImmediate(flush);
      }
    });
}
