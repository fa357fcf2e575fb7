/**
 * Calls one tRPC request may carry: the server refuses a larger batch (400) and the client's
 * httpBatchLink splits its calls into batches of at most this many. Each call may hash a
 * password or open a tenant transaction; an unbounded batch let one request do a thousand's work.
 */
export const MAX_BATCH_SIZE = 10;
