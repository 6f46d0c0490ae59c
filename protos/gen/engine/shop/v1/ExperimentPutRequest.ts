// Original file: protos/shop/v1/engine.proto


export interface ExperimentPutRequest {
  /**
   * {id, variants:[{name, weight, config}], metric, population?, guardrails?, status?}
   */
  'experimentJson'?: (string);
}

export interface ExperimentPutRequest__Output {
  /**
   * {id, variants:[{name, weight, config}], metric, population?, guardrails?, status?}
   */
  'experimentJson': (string);
}
