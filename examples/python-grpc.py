"""A backend service in Python over gRPC (grpcio): track, recommend, profile, checkout.

Run against `npm start` (gRPC on 50051), from the repository root:

    apt-get install -y python3-grpcio python3-grpc-tools     # or: pip install grpcio grpcio-tools
    mkdir -p /tmp/shop-stubs && python3 -m grpc_tools.protoc -Iprotos \
        --python_out=/tmp/shop-stubs --grpc_python_out=/tmp/shop-stubs shop/v1/events.proto shop/v1/engine.proto
    SHOP_API_KEY=$(cat data/api-key) PYTHONPATH=/tmp/shop-stubs python3 examples/python-grpc.py   # SHOP_GRPC=host:port

The stubs come from the same .proto files the engine loads (test/grpc/python-stubs.ts does the same).
"""
import os
import time

import grpc
from shop.v1 import engine_pb2 as pb
from shop.v1 import engine_pb2_grpc
from shop.v1 import events_pb2

TARGET = os.environ.get("SHOP_GRPC", "127.0.0.1:50051")
AUTH = (("x-api-key", os.environ["SHOP_API_KEY"]),)


def main():
    engine = engine_pb2_grpc.EngineStub(grpc.insecure_channel(TARGET))
    user = "u-py%x" % int(time.time())
    item = engine.ListItems(pb.ListItemsRequest(limit=1), metadata=AUTH, timeout=2).items[0]

    # Track: answered once the log stored the event; a retry with the same id is stored once.
    ack = engine.Track(events_pb2.Event(id=user + "-view", user_id=user, kind=events_pb2.VIEW, item_id=item.item_id), metadata=AUTH, timeout=2)
    print("view stored at", ack.seq)
    engine.Track(events_pb2.Event(user_id=user, kind=events_pb2.CART_ADD, item_id=item.item_id, qty=1), metadata=AUTH, timeout=2)

    recs = engine.Recommend(pb.RecommendRequest(user_id=user, k=4, item_id=item.item_id), metadata=AUTH, timeout=2)
    print("recommended:", ", ".join("%s (%s)" % (r.item_id, r.reason) for r in recs.items))

    order = engine.Checkout(pb.CheckoutRequest(user_id=user, idempotency_key=user + "-order"), metadata=AUTH, timeout=30)
    print("placed", order.order_id, order.total)
    print("orders:", len(engine.GetProfile(pb.ProfileRequest(user_id=user), metadata=AUTH, timeout=2).orders))

    try:
        engine.GetItem(pb.GetItemRequest(item_id="no-such-item"), metadata=AUTH, timeout=2)
    except grpc.RpcError as err:
        trailers = dict(err.trailing_metadata() or ())
        print("typed error:", err.code().name, trailers.get("shop-error-code"))


if __name__ == "__main__":
    main()
