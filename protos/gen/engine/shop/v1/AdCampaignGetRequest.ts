// Original file: protos/shop/v1/engine.proto


export interface AdCampaignGetRequest {
  'id'?: (string);
}

export interface AdCampaignGetRequest__Output {
  'id': (string);
}
