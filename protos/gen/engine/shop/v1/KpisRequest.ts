// Original file: protos/shop/v1/engine.proto


export interface KpisRequest {
  /**
   * minute | hour | day; default hour
   */
  'granularity'?: (string);
  /**
   * ISO date or date-time, or ms since the epoch; default `to` minus a day
   */
  'from'?: (string);
  /**
   * default now
   */
  'to'?: (string);
}

export interface KpisRequest__Output {
  /**
   * minute | hour | day; default hour
   */
  'granularity': (string);
  /**
   * ISO date or date-time, or ms since the epoch; default `to` minus a day
   */
  'from': (string);
  /**
   * default now
   */
  'to': (string);
}
