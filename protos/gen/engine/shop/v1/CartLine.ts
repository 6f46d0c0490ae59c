// Original file: protos/shop/v1/engine.proto


export interface CartLine {
  'itemId'?: (string);
  'qty'?: (number);
}

export interface CartLine__Output {
  'itemId': (string);
  'qty': (number);
}
