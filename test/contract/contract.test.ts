import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EngineError, ERROR_CODES, fromWireError } from '../../engine/errors/index.js';
import {
  ackMessage, decodePush, decodeServerMessage, encodePush, encodeServerMessage, errorMessage, httpErrorBody, pushTypeOf, wireError,
  type ClientEventKind, type ErrorCode, type OrderPush, type PushJson, type RecsPush,
} from '../../protos/contract.js';
import type { EventKindName } from '../../protos/index.js';

// Compile-time checks: this file does not type-check when the two sides drift apart.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameCodes: Equal<ErrorCode, keyof typeof ERROR_CODES> = true;
const sameKinds: Equal<ClientEventKind, Exclude<EventKindName, 'reminder' | 'checkout' | 'stock_reserve' | 'stock_granted' | 'stock_refused' | 'stock_commit' | 'stock_release' | 'stock_set' | 'segment_change' | 'definition'
  | 'coupon_reserve' | 'coupon_granted' | 'coupon_refused' | 'coupon_commit' | 'coupon_release'
  | 'ad_impression' | 'ad_charged' | 'ad_charge_refused' | 'exposure'>> = true;

const recs: RecsPush = { type: 'recs', items: [{ itemId: 'sku-1', score: 0.5, reason: 'similar', name: 'Mug', price: 9.5, category: 'kitchen' }], causedBy: 'e1', seq: 42, ts: 1700000000000 };
const order: OrderPush = {
  type: 'order', checkoutId: 'c1', orderId: 'o1', status: 'refused', lines: [{ itemId: 'sku-1', qty: 3, price: 9.5 }], total: 28.5,
  refused: { itemId: 'sku-1', requested: 3, left: 1 }, causedBy: 'e9', seq: 43, ts: 1700000000001,
};

describe('contract - types', () => {
  it('contract - ErrorCode is exactly the keys of ERROR_CODES, and the client event kinds are the engine\'s', () => {
    assert.deepEqual([sameCodes, sameKinds], [true, true]);
  });
});

describe('contract - errors on the wire', () => {
  const withField = new EngineError('E_BAD_EVENT', '"qty" must be an integer from 1 to 999', { field: 'qty' });
  const plain = new EngineError('E_TIMEOUT', 'slow');

  it('contract - an HTTP error body is {error:{code,message,field?}}', () => {
    assert.equal(JSON.stringify(httpErrorBody(plain)), '{"error":{"code":"E_TIMEOUT","message":"slow"}}');
    assert.equal(JSON.stringify(httpErrorBody(withField)), '{"error":{"code":"E_BAD_EVENT","message":"\\"qty\\" must be an integer from 1 to 999","field":"qty"}}');
    assert.deepEqual(plain.toJSON(), wireError('E_TIMEOUT', 'slow'));
  });

  it('contract - a WebSocket error is {type:"error",code,message,id?,field?}', () => {
    assert.equal(encodeServerMessage(errorMessage(plain)), '{"type":"error","code":"E_TIMEOUT","message":"slow"}');
    assert.equal(encodeServerMessage(errorMessage(plain, 'e1')), '{"type":"error","code":"E_TIMEOUT","message":"slow","id":"e1"}');
    assert.equal(encodeServerMessage(errorMessage(wireError('E_UNKNOWN_KIND', 'no', 'kind'), 'e2')), '{"type":"error","code":"E_UNKNOWN_KIND","message":"no","id":"e2","field":"kind"}');
  });

  it('contract - an ask error is raised again with its code and field', () => {
    const e = fromWireError(withField.toJSON());
    assert.ok(e instanceof EngineError);
    assert.deepEqual([e.code, e.message, e.field, e.httpStatus], ['E_BAD_EVENT', withField.message, 'qty', 400]);
  });
});

describe('contract - messages', () => {
  it('contract - an ack is {type,id,seq} with duplicate only when true', () => {
    assert.equal(encodeServerMessage(ackMessage('e1', 7, false)), '{"type":"ack","id":"e1","seq":7}');
    assert.equal(encodeServerMessage(ackMessage('e1', 7, true)), '{"type":"ack","id":"e1","seq":7,"duplicate":true}');
  });

  it('contract - a push is encoded with type first, byte for byte as its fields are declared', () => {
    assert.equal(encodePush(recs), '{"type":"recs","items":[{"itemId":"sku-1","score":0.5,"reason":"similar","name":"Mug","price":9.5,"category":"kitchen"}],"causedBy":"e1","seq":42,"ts":1700000000000}');
    const late: RecsPush = { items: [], causedBy: '', seq: 1, ts: 2, type: 'recs' };
    assert.equal(encodePush(late), '{"type":"recs","items":[],"causedBy":"","seq":1,"ts":2}');
    assert.equal(pushTypeOf(encodePush(late)), 'recs');
    assert.equal(pushTypeOf(encodePush(order)), 'order');
    assert.equal(pushTypeOf('{"type":"bogus"}' as PushJson), undefined);
  });

  it('contract - decoding keeps known pushes whole and skips unknown types and bad JSON', () => {
    assert.deepEqual(decodePush(encodePush(order)), order);
    assert.deepEqual(decodePush(encodePush(recs)), recs);
    assert.equal(decodePush('{"type":"bogus","x":1}'), undefined);
    assert.equal(decodePush('{"type":"hello","userId":"u","ts":1}'), undefined, 'hello is a server message, not a push');
    assert.equal(decodePush('null'), undefined);
    assert.equal(decodePush('{"type":'), undefined);
    assert.deepEqual(decodeServerMessage('{"type":"hello","userId":"u-1","ts":1}'), { type: 'hello', userId: 'u-1', ts: 1 });
    assert.equal(decodeServerMessage('{"type":"event","kind":"view"}'), undefined, 'a client message is not a server message');
  });
});
