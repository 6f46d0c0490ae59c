// Original file: protos/shop/v1/engine.proto


export interface ListCategoriesRequest {
}

export interface ListCategoriesRequest__Output {
}
