// Original file: protos/shop/v1/engine.proto


/**
 * Why an event (TrackBatch) or a row (UpsertItems) was rejected.
 */
export interface ErrorDetail {
  /**
   * stable code, e.g. E_BAD_EVENT, E_UNKNOWN_ITEM (docs/errors.md)
   */
  'code'?: (string);
  /**
   * what was wrong, for a person
   */
  'message'?: (string);
  /**
   * the request field (snake_case), when one field was wrong
   */
  'field'?: (string);
  /**
   * the gRPC status code the same error gets on a unary call
   */
  'status'?: (number);
}

/**
 * Why an event (TrackBatch) or a row (UpsertItems) was rejected.
 */
export interface ErrorDetail__Output {
  /**
   * stable code, e.g. E_BAD_EVENT, E_UNKNOWN_ITEM (docs/errors.md)
   */
  'code': (string);
  /**
   * what was wrong, for a person
   */
  'message': (string);
  /**
   * the request field (snake_case), when one field was wrong
   */
  'field': (string);
  /**
   * the gRPC status code the same error gets on a unary call
   */
  'status': (number);
}
