/**
 * The kind of an encoded Event without decoding it: a walk over the wire fields up to
 * field 3 (`kind`). A consumer that folds a few kinds out of the whole log (the CTR
 * learner reads only ad events) skips the rest for a few byte reads instead of a full
 * protobufjs decode. Returns undefined for bytes that are not a well-formed prefix.
 */
const KIND_FIELD = 3;

function varint(buf: Uint8Array, at: number): [value: number, next: number] | undefined {
  let v = 0;
  let mul = 1;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const b = buf[i]!;
    v += (b & 0x7f) * mul;
    if (b < 0x80) return [v, i + 1];
    mul *= 128;
  }
  return undefined;
}

export function peekEventKind(buf: Uint8Array): number | undefined {
  let at = 0;
  while (at < buf.length) {
    const tag = varint(buf, at);
    if (!tag) return undefined;
    const field = Math.floor(tag[0] / 8);
    const wire = tag[0] & 7;
    at = tag[1];
    if (field === KIND_FIELD && wire === 0) return varint(buf, at)?.[0];
    if (wire === 0) {
      const v = varint(buf, at);
      if (!v) return undefined;
      at = v[1];
    } else if (wire === 2) {
      const len = varint(buf, at);
      if (!len) return undefined;
      at = len[1] + len[0];
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else return undefined;
  }
  return 0; // proto3: an absent enum is its zero value
}
