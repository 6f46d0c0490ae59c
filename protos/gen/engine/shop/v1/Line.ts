// Original file: protos/shop/v1/events.proto


export interface Line {
  'itemId'?: (string);
  'qty'?: (number);
  'price'?: (number | string);
}

export interface Line__Output {
  'itemId': (string);
  'qty': (number);
  'price': (number);
}
