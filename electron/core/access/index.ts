/** The one access rule: who may call what (rules.ts) and what each may see, as SQL for the stores (store.ts). */
export * from './rules';
export * from './store';
