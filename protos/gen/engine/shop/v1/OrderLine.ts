// Original file: protos/shop/v1/engine.proto


export interface OrderLine {
  'itemId'?: (string);
  'qty'?: (number);
  'price'?: (number | string);
}

export interface OrderLine__Output {
  'itemId': (string);
  'qty': (number);
  'price': (number);
}
