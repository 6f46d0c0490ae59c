// Original file: protos/shop/v1/engine.proto

import type { ItemChange as _shop_v1_ItemChange, ItemChange__Output as _shop_v1_ItemChange__Output } from '../../shop/v1/ItemChange.js';
import type { RowError as _shop_v1_RowError, RowError__Output as _shop_v1_RowError__Output } from '../../shop/v1/RowError.js';

export interface UpsertSummary {
  'received'?: (number);
  'created'?: (number);
  /**
   * known items with at least one changed field
   */
  'updated'?: (number);
  /**
   * known items the row left as they were
   */
  'unchanged'?: (number);
  'rejected'?: (number);
  /**
   * created and updated rows (at most 1000; see changes_truncated)
   */
  'changes'?: (_shop_v1_ItemChange)[];
  /**
   * rejected rows (at most 1000; see errors_truncated)
   */
  'errors'?: (_shop_v1_RowError)[];
  'changesTruncated'?: (boolean);
  'errorsTruncated'?: (boolean);
}

export interface UpsertSummary__Output {
  'received': (number);
  'created': (number);
  /**
   * known items with at least one changed field
   */
  'updated': (number);
  /**
   * known items the row left as they were
   */
  'unchanged': (number);
  'rejected': (number);
  /**
   * created and updated rows (at most 1000; see changes_truncated)
   */
  'changes': (_shop_v1_ItemChange__Output)[];
  /**
   * rejected rows (at most 1000; see errors_truncated)
   */
  'errors': (_shop_v1_RowError__Output)[];
  'changesTruncated': (boolean);
  'errorsTruncated': (boolean);
}
