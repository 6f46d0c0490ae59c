/** Memory per active user actor: runs actor-memory-probe in a fresh process with --expose-gc. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./actor-memory-probe.js', import.meta.url));

export interface ActorMemoryRow {
  scenario: string;
  users: number;
  events_per_user: number;
  heap_bytes_per_actor: number;
  rss_bytes_per_actor: number;
  /** Size of the state as JSON, for scale (LMDB stores msgpack). */
  json_bytes_per_state: number;
  recent: number;
  cart: number;
  /** Active actors that fit in 1 GiB of heap at this size. */
  actors_per_gib: number;
}

export interface ActorMemoryPlan {
  users: number;
  /** Events folded per user: a short visit and a long one (lists at their caps). */
  eventsPerUser: number[];
}

export const FULL_ACTOR_MEMORY: ActorMemoryPlan = { users: 100_000, eventsPerUser: [20, 100] };
export const QUICK_ACTOR_MEMORY: ActorMemoryPlan = { users: 10_000, eventsPerUser: [20, 100] };

export function runActorMemory(plan: ActorMemoryPlan, log: (s: string) => void): ActorMemoryRow[] {
  const rows: ActorMemoryRow[] = [];
  for (const events of plan.eventsPerUser) {
    const out = execFileSync(process.execPath, ['--expose-gc', PROBE, '--users', String(plan.users), '--events', String(events)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const last = out.trim().split('\n').pop()!;
    const r = JSON.parse(last) as { users: number; events: number; heapBytesPerActor: number; rssBytesPerActor: number; jsonBytesPerState: number; recent: number; cart: number };
    const row: ActorMemoryRow = {
      scenario: `actor-memory-${events}ev`, users: r.users, events_per_user: r.events, heap_bytes_per_actor: r.heapBytesPerActor,
      rss_bytes_per_actor: r.rssBytesPerActor, json_bytes_per_state: r.jsonBytesPerState, recent: r.recent, cart: r.cart,
      actors_per_gib: r.heapBytesPerActor > 0 ? Math.floor(1024 ** 3 / r.heapBytesPerActor) : 0,
    };
    log(`  ${row.scenario}: ${row.heap_bytes_per_actor} B heap per active actor (${row.users} actors; state ~${row.json_bytes_per_state} B as JSON)`);
    rows.push(row);
  }
  return rows;
}
