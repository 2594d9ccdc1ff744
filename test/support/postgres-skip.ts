/** Setup file of the integration-pg project: without a cluster, each test is skipped with the reason. */
import { beforeEach, inject } from 'vitest';

const { unavailable } = inject('vanthuPostgres');
beforeEach((ctx) => {
  if (unavailable) ctx.skip(unavailable);
});
