/**
 * Answers a transaction may give again without asking the database: a batch
 * of the demo or of an import asks thousands of times, in one transaction,
 * for the same register and the same units (a tenth of a registration).
 * Kept only inside a transaction: outside one, the next read must see what
 * other actions committed meanwhile. A store's write drops what it changes
 * (forget), and a call rolled back to its savepoint drops everything (clear),
 * so no answer outlives the data it was read from.
 */
export class TxMemo {
  readonly #kept = new Map<string, Promise<unknown>>();

  /** `key` starts with the table it reads ("units:…"), which forget() names. */
  get<T>(key: string, load: () => Promise<T>): Promise<T> {
    const found = this.#kept.get(key);
    if (found) return found as Promise<T>;
    const loading = load();
    this.#kept.set(key, loading);
    // A failed read is not kept: the next call asks again.
    loading.catch(() => this.#kept.delete(key));
    return loading;
  }

  forget(table: string): void {
    for (const key of this.#kept.keys()) if (key.startsWith(`${table}:`)) this.#kept.delete(key);
  }

  clear(): void {
    this.#kept.clear();
  }
}
