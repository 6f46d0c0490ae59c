// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface Cohort {
  /**
   * YYYY-MM of the first order
   */
  'cohort'?: (string);
  'size'?: (number | string | Long);
  /**
   * share with an order in month k since
   */
  'retention'?: (number | string)[];
  /**
   * revenue in month k / revenue in month 0
   */
  'revenueRetention'?: (number | string)[];
}

export interface Cohort__Output {
  /**
   * YYYY-MM of the first order
   */
  'cohort': (string);
  'size': (number);
  /**
   * share with an order in month k since
   */
  'retention': (number)[];
  /**
   * revenue in month k / revenue in month 0
   */
  'revenueRetention': (number)[];
}
