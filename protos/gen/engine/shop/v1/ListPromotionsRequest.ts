// Original file: protos/shop/v1/engine.proto


export interface ListPromotionsRequest {
}

export interface ListPromotionsRequest__Output {
}
