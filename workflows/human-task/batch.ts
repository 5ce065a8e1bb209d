// Calls made at one instant of a workflow, gathered into one.
//
// A stage that asks many people at once (a committee scoring every bid) calls ask() once per
// task inside one Promise.all, so every call is made before the workflow code next yields. The
// first call of an instant waits one microtask, by which time the others have joined, and then
// sends them all together. Promises run deterministically in a workflow, so a replay gathers
// the same calls into the same batches.

interface Waiting<T> {
  item: T;
  done: () => void;
  failed: (error: unknown) => void;
}

/** A function of one item that resolves once `send` has taken the batch the item was gathered into. */
export function gathered<T>(send: (items: T[]) => Promise<unknown>): (item: T) => Promise<void> {
  let forming: Waiting<T>[] | null = null;
  return (item) =>
    new Promise<void>((done, failed) => {
      if (!forming) {
        const batch: Waiting<T>[] = [];
        forming = batch;
        void Promise.resolve().then(async () => {
          forming = null;
          try {
            await send(batch.map((b) => b.item));
            for (const b of batch) b.done();
          } catch (error) {
            for (const b of batch) b.failed(error);
          }
        });
      }
      forming.push({ item, done, failed });
    });
}
