// Original file: protos/shop/v1/engine.proto

import type { Cohort as _shop_v1_Cohort, Cohort__Output as _shop_v1_Cohort__Output } from '../../shop/v1/Cohort.js';

export interface CohortReport {
  'asOf'?: (string);
  'cohorts'?: (_shop_v1_Cohort)[];
}

export interface CohortReport__Output {
  'asOf': (string);
  'cohorts': (_shop_v1_Cohort__Output)[];
}
