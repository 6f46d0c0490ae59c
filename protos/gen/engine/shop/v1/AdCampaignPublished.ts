// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface AdCampaignPublished {
  'id'?: (string);
  'version'?: (number);
  /**
   * log sequence of the definition event
   */
  'seq'?: (number | string | Long);
}

export interface AdCampaignPublished__Output {
  'id': (string);
  'version': (number);
  /**
   * log sequence of the definition event
   */
  'seq': (number);
}
