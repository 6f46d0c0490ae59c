// Original file: protos/shop/v1/engine.proto

import type { Long } from '@grpc/proto-loader';

export interface KpiCounts {
  /**
   * UTC start of the bucket (empty in totals)
   */
  'start'?: (string);
  'revenue'?: (number | string);
  'orders'?: (number | string | Long);
  'units'?: (number | string | Long);
  'views'?: (number | string | Long);
  'cartAdds'?: (number | string | Long);
  'searches'?: (number | string | Long);
  'recClicks'?: (number | string | Long);
  'sessions'?: (number | string | Long);
  'cartSessions'?: (number | string | Long);
  'orderSessions'?: (number | string | Long);
  'cartOrderSessions'?: (number | string | Long);
  'newCustomers'?: (number | string | Long);
  'returningOrders'?: (number | string | Long);
  'recImpressions'?: (number | string | Long);
  'recOrders'?: (number | string | Long);
  'recRevenue'?: (number | string);
  'aov'?: (number | string);
  'conversionRate'?: (number | string);
  'cartAbandonmentRate'?: (number | string);
  'recCtr'?: (number | string);
  'recRevenueShare'?: (number | string);
}

export interface KpiCounts__Output {
  /**
   * UTC start of the bucket (empty in totals)
   */
  'start': (string);
  'revenue': (number);
  'orders': (number);
  'units': (number);
  'views': (number);
  'cartAdds': (number);
  'searches': (number);
  'recClicks': (number);
  'sessions': (number);
  'cartSessions': (number);
  'orderSessions': (number);
  'cartOrderSessions': (number);
  'newCustomers': (number);
  'returningOrders': (number);
  'recImpressions': (number);
  'recOrders': (number);
  'recRevenue': (number);
  'aov': (number);
  'conversionRate': (number);
  'cartAbandonmentRate': (number);
  'recCtr': (number);
  'recRevenueShare': (number);
}
