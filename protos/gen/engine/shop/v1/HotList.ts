// Original file: protos/shop/v1/engine.proto

import type { HotEntry as _shop_v1_HotEntry, HotEntry__Output as _shop_v1_HotEntry__Output } from '../../shop/v1/HotEntry.js';

export interface HotList {
  'kind'?: (string);
  'items'?: (_shop_v1_HotEntry)[];
}

export interface HotList__Output {
  'kind': (string);
  'items': (_shop_v1_HotEntry__Output)[];
}
