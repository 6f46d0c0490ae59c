/**
 * Shard threads run at a lower CPU priority than the gateway's thread and
 * nats-server. When the machine is saturated, accepting and acking events must keep
 * going (they are what a shopper waits on and what loses data if refused); folding and
 * recomputing can fall behind and catch up in larger, coalesced batches. Without this,
 * the shards' recomputes took the cores from the ack path and the whole engine
 * collapsed into E_OVERLOADED instead of just pushing later.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Lowers the calling thread's priority (Linux: setpriority on the thread's id, which
 * affects only that thread). Returns the thread id, or undefined where unsupported.
 */
export function lowerThreadPriority(niceness: number): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return undefined;
    setPriority(tid, niceness);
    return tid;
  } catch {
    return undefined;
  }
}
