// Original file: protos/shop/v1/engine.proto


export interface OrderLine {
  'itemId'?: (string);
  'qty'?: (number);
  'price'?: (number | string);
  /**
   * CheckoutResult: what the coupon took off this line
   */
  'discount'?: (number | string);
}

export interface OrderLine__Output {
  'itemId': (string);
  'qty': (number);
  'price': (number);
  /**
   * CheckoutResult: what the coupon took off this line
   */
  'discount': (number);
}
