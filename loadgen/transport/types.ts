/**
 * The seam between the driver (scheduling, matching, histograms) and a protocol:
 * how a shopper gets an identity, opens its push channel, sends an event and reads
 * its profile back. The driver owns every measurement; a transport only moves
 * bytes and reports what came back through `ShopperReplies`.
 */
import type { ShopperAction } from '../behaviour/types.js';
import type { Behaviour } from '../behaviour/types.js';
import type { ProfileView } from '../verify.js';
import type { VirtualShopper } from '../virtual-shopper.js';

/** What the engine answered, as the driver wants it (the same for every protocol). */
export interface ShopperReplies {
  /** The event was stored at `seq` (undefined when the engine did not say). */
  ack(s: VirtualShopper, id: string, seq: number | undefined, duplicate: boolean): void;
  /** Recommendations pushed for `causedBy` (an event id; empty for none). */
  recs(s: VirtualShopper, causedBy: string, itemIds: readonly string[] | undefined): void;
  /** The event was refused or failed, with the engine's code (or the transport's). */
  refused(s: VirtualShopper, id: string | undefined, code: string): void;
  coupon(s: VirtualShopper): void;
  /** A reply the transport could not read, or any other protocol-level error, by code. */
  fault(code: string): void;
  /** The push channel closed after it was open; `code` says how (LG_SOCKET_CLOSED, LG_STREAM_CLOSED, ...). */
  closed(s: VirtualShopper, code: string): void;
}

/** A shopper could not start; `code` goes to errors_by_code. */
export class ConnectError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConnectError';
    this.code = code;
  }
}

export interface ShopperTransport {
  /** Shoppers created (`create`) at once. */
  readonly createConcurrency: number;
  /** Push channels opened (`open`) at once. */
  readonly openConcurrency: number;
  /** A new shopper with its user id: a session for WebSocket, a generated id for gRPC. Throws ConnectError. */
  create(index: number, globalIndex: number, behaviour: Behaviour): Promise<VirtualShopper>;
  /** Opens the shopper's push channel; resolves once pushes reach it (and sets `alive`). Throws ConnectError. */
  open(s: VirtualShopper): Promise<void>;
  /** Sends one event; the answer comes through ShopperReplies. Only called while `s.alive`. */
  send(s: VirtualShopper, id: string, action: ShopperAction): void;
  /** The shopper's profile as the user actor holds it, for the lost check. */
  readProfile(s: VirtualShopper, timeoutMs: number): Promise<ProfileView>;
  /** Closes every channel; replies after this are not reported. */
  close(): void;
}
