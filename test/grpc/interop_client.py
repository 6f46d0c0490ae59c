"""An independent shop.v1 client (Python, C-core grpcio) for the interop test.

Usage: interop_client.py STUBS_DIR TARGET SCENARIO '<json args>'
Runs one scenario against the engine, checks the answers itself (assert), and
prints one JSON object as its last line with what it saw, for the Node test to
cross-check against the engine's own state. Exit code 0 = every check held.
"""
import json
import sys
import threading
import time

STUBS, TARGET, SCENARIO, ARGS = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
sys.path.insert(0, STUBS)

import grpc  # noqa: E402
from google.protobuf import descriptor_pb2, field_mask_pb2, wrappers_pb2  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402
from health.v1 import health_pb2, health_pb2_grpc  # noqa: E402
from reflection.v1 import reflection_pb2, reflection_pb2_grpc  # noqa: E402
from shop.v1 import engine_pb2 as pb  # noqa: E402
from shop.v1 import engine_pb2_grpc  # noqa: E402
from shop.v1 import events_pb2  # noqa: E402

KEY = ARGS.get("apiKey", "")
AUTH = (("x-api-key", KEY),)
TIMEOUT = 10


def channel():
    return grpc.insecure_channel(TARGET)


def stub(ch):
    return engine_pb2_grpc.EngineStub(ch)


def error_of(err):
    """The status and every detail the server attached to a failed call."""
    trailers = dict(err.trailing_metadata() or ())
    out = {
        "status": err.code().name,
        "message": err.details(),
        "code": trailers.get("shop-error-code"),
        "field": trailers.get("shop-error-field"),
    }
    raw = trailers.get("grpc-status-details-bin")
    if raw is not None:
        st = status_pb2.Status.FromString(raw)
        assert st.code == err.code().value[0], (st.code, err.code())
        assert st.message == err.details(), (st.message, err.details())
        for any_ in st.details:
            info = error_details_pb2.ErrorInfo()
            bad = error_details_pb2.BadRequest()
            if any_.Unpack(info):
                out["reason"] = info.reason
                out["domain"] = info.domain
                out["infoField"] = info.metadata.get("field")
            elif any_.Unpack(bad):
                out["violations"] = [{"field": v.field, "description": v.description} for v in bad.field_violations]
    return out


def expect_error(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except grpc.RpcError as err:
        return error_of(err)
    raise AssertionError("the call succeeded; expected an error")


def ev(user, kind, **kw):
    return events_pb2.Event(user_id=user, kind=kind, **kw)


# --- scenarios ---------------------------------------------------------------


def health_reflection():
    with channel() as ch:
        h = health_pb2_grpc.HealthStub(ch)
        overall = h.Check(health_pb2.HealthCheckRequest(service=""), timeout=TIMEOUT).status
        engine = h.Check(health_pb2.HealthCheckRequest(service="shop.v1.Engine"), timeout=TIMEOUT).status
        assert overall == health_pb2.HealthCheckResponse.SERVING, overall
        assert engine == health_pb2.HealthCheckResponse.SERVING, engine
        r = reflection_pb2_grpc.ServerReflectionStub(ch)
        reqs = [
            reflection_pb2.ServerReflectionRequest(list_services=""),
            reflection_pb2.ServerReflectionRequest(file_containing_symbol="shop.v1.Engine"),
        ]
        answers = list(r.ServerReflectionInfo(iter(reqs), timeout=TIMEOUT))
        services = sorted(s.name for s in answers[0].list_services_response.service)
        methods = {}
        messages = []
        for raw in answers[1].file_descriptor_response.file_descriptor_proto:
            fd = descriptor_pb2.FileDescriptorProto.FromString(raw)
            messages += [f"{fd.package}.{m.name}" for m in fd.message_type]
            for s in fd.service:
                methods[f"{fd.package}.{s.name}"] = {
                    m.name: {"in": m.input_type, "out": m.output_type, "clientStreaming": m.client_streaming, "serverStreaming": m.server_streaming}
                    for m in s.method
                }
        assert "shop.v1.Engine" in services and "grpc.health.v1.Health" in services, services
        return {"health": [overall, engine], "services": services, "methods": methods, "messages": sorted(messages)}


def track():
    user, items = ARGS["userId"], ARGS["itemIds"]
    with channel() as ch:
        s = stub(ch)
        a1 = s.Track(ev(user, events_pb2.VIEW, id="py-view-1", item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        a2 = s.Track(ev(user, events_pb2.VIEW, id="py-view-1", item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        assert a1.id == "py-view-1" and a1.seq > 0 and not a1.duplicate, a1
        assert a2.seq == a1.seq and a2.duplicate, (a1, a2)
        a3 = s.Track(ev(user, events_pb2.CART_ADD, item_id=items[1], qty=2), metadata=AUTH, timeout=TIMEOUT)
        assert len(a3.id) > 0 and a3.seq > a1.seq, a3
        a4 = s.Track(ev(user, events_pb2.SEARCH, id="py-search-1", query="  red shoes "), metadata=AUTH, timeout=TIMEOUT)
        p = s.GetProfile(pb.ProfileRequest(user_id=user), metadata=AUTH, timeout=TIMEOUT)
        assert p.user_id == user, p
        assert list(p.recent) == [items[0]], p.recent
        assert [(c.item_id, c.qty) for c in p.cart] == [(items[1], 2)], p.cart
        assert "red shoes" in list(p.searches), p.searches
        assert p.events == 3, p.events  # the duplicate was stored once
        assert p.last_seq == a4.seq, (p.last_seq, a4.seq)
        return {"seqs": [a1.seq, a2.seq, a3.seq, a4.seq], "generatedId": a3.id, "profile": {
            "recent": list(p.recent), "cart": [[c.item_id, c.qty] for c in p.cart], "events": p.events, "lastSeq": p.last_seq}}


def track_batch():
    user, items = ARGS["userId"], ARGS["itemIds"]
    n = 40
    events = []
    for i in range(n):
        if i == 7:
            events.append(ev(user, events_pb2.VIEW, id=f"b-{i}", item_id="no-such-item"))
        elif i == 13:
            events.append(events_pb2.Event(user_id=user, id=f"b-{i}", item_id=items[0]))  # no kind
        elif i == 21:
            events.append(ev(user, events_pb2.VIEW, id="b-3", item_id=items[3]))  # repeats b-3's id
        else:
            events.append(ev(user, events_pb2.VIEW, id=f"b-{i}", item_id=items[i % len(items)]))
    with channel() as ch:
        acks = list(stub(ch).TrackBatch(iter(events), metadata=AUTH, timeout=TIMEOUT))
    assert len(acks) == n, len(acks)
    assert [a.index for a in acks] == list(range(n)), [a.index for a in acks]
    bad = {a.index: {"code": a.error.code, "field": a.error.field, "status": a.error.status} for a in acks if a.HasField("error")}
    assert bad == {7: {"code": "E_UNKNOWN_ITEM", "field": "", "status": 5}, 13: {"code": "E_BAD_EVENT", "field": "kind", "status": 3}}, bad
    good = [a for a in acks if not a.HasField("error")]
    assert all(a.seq > 0 for a in good)
    assert acks[21].duplicate and acks[21].seq == acks[3].seq, (acks[3], acks[21])
    fresh = [a.seq for a in good if not a.duplicate]
    assert fresh == sorted(fresh) and len(set(fresh)) == len(fresh), fresh  # one user = one partition: in order
    return {"acks": len(acks), "stored": len(fresh), "errors": bad, "lastSeq": max(fresh)}


def recommend():
    user, items, category = ARGS["userId"], ARGS["itemIds"], ARGS["category"]
    with channel() as ch:
        s = stub(ch)
        s.Track(ev(user, events_pb2.VIEW, item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        r = s.Recommend(pb.RecommendRequest(user_id=user, k=5), metadata=AUTH, timeout=TIMEOUT)
        assert r.user_id == user and 0 < len(r.items) <= 5, r
        for it in r.items:
            assert it.item_id and it.reason and it.name and it.category and it.price >= 0, it
        first = r.items[0].item_id
        r2 = s.Recommend(pb.RecommendRequest(user_id=user, k=5, exclude=[first]), metadata=AUTH, timeout=TIMEOUT)
        assert first not in [i.item_id for i in r2.items], (first, r2)
        r3 = s.Recommend(pb.RecommendRequest(user_id=user, k=4, category=category), metadata=AUTH, timeout=TIMEOUT)
        assert len(r3.items) > 0 and all(i.category == category for i in r3.items), r3
        r4 = s.Recommend(pb.RecommendRequest(user_id=user, item_id=items[1]), metadata=AUTH, timeout=TIMEOUT)
        assert 0 < len(r4.items) <= 8, r4
        return {"items": [i.item_id for i in r.items], "excluded": first, "category": [i.category for i in r3.items], "defaultK": len(r4.items)}


def stream():
    """First message: the current recommendations; then the push caused by our own Track."""
    user, items = ARGS["userId"], ARGS["itemIds"]
    got = []
    with channel() as ch:
        s = stub(ch)
        call = s.StreamRecommendations(pb.StreamRequest(user_id=user), metadata=AUTH, timeout=TIMEOUT)
        first = next(call)
        got.append(first)
        assert first.caused_by == "" and first.user_id == user, first
        ack = s.Track(ev(user, events_pb2.VIEW, id="py-stream-1", item_id=items[2]), metadata=AUTH, timeout=TIMEOUT)
        for m in call:
            got.append(m)
            if m.caused_by == "py-stream-1":
                break
        call.cancel()
    last = got[-1]
    assert last.caused_by == "py-stream-1" and len(last.items) > 0 and last.ts > 0, last
    return {"messages": len(got), "causedBy": last.caused_by, "seq": ack.seq, "firstItems": len(first.items)}


def catalog():
    items, new_id = ARGS["itemIds"], ARGS["newItemId"]
    with channel() as ch:
        s = stub(ch)
        cats = s.ListCategories(pb.ListCategoriesRequest(), metadata=AUTH, timeout=TIMEOUT).categories
        assert len(cats) > 0 and all(c.count > 0 for c in cats), cats
        cat = cats[0].category
        page = s.ListItems(pb.ListItemsRequest(category=cat, sort=pb.PRICE_ASC, page=1, limit=5), metadata=AUTH, timeout=TIMEOUT)
        prices = [i.price for i in page.items]
        assert page.total == cats[0].count and len(page.items) == 5 and prices == sorted(prices), page
        assert all(i.category == cat for i in page.items)
        page2 = s.ListItems(pb.ListItemsRequest(category=cat, sort=pb.PRICE_ASC, page=2, limit=5), metadata=AUTH, timeout=TIMEOUT)
        assert page2.page == 2 and page2.items[0].price >= prices[-1], page2
        one = s.GetItem(pb.GetItemRequest(item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        assert one.item_id == items[0] and one.name and one.category and one.price > 0 and one.brand, one
        found = s.ListItems(pb.ListItemsRequest(query=one.name, limit=10), metadata=AUTH, timeout=TIMEOUT)
        assert found.total > 0 and items[0] in [i.item_id for i in found.items], (one.name, found.total)
        # Search and Suggest from an independent client; min_price is a DoubleValue wrapper (0 is a value, not "unset").
        hits = s.Search(pb.SearchRequest(query=one.name, min_price=wrappers_pb2.DoubleValue(value=0), limit=10, sort=pb.SEARCH_RELEVANCE), metadata=AUTH, timeout=TIMEOUT)
        assert hits.total > 0 and one.name in [h.item.name for h in hits.items] and hits.facets.category, hits.total
        assert all(h.item.price >= 0 and h.source for h in hits.items), hits.items[0]
        typed = next(w for w in one.name.split() if len(w) >= 4)[:4]  # a word being typed ("On C" is a stop word and a letter)
        sug = s.Suggest(pb.SuggestRequest(query=typed), metadata=AUTH, timeout=TIMEOUT)
        assert len(sug.products) > 0, sug

        def mask(*paths):
            return field_mask_pb2.FieldMask(paths=list(paths))

        rows = [
            pb.Item(item_id=new_id, name="Trail Runner 9000", category="running-shoes", description="grippy",
                    price=129.5, stock=7, brand="Stride", rating=4.5, tags=["trail", "waterproof"]),
            pb.Item(item_id=items[0], price=round(one.price + 1, 2), update_mask=mask("price")),
            pb.Item(item_id="bad item id", name="x", category="c", description="", price=1, stock=1, brand="b"),
            pb.Item(item_id="new-but-incomplete", category="c", price=3, stock=1, brand="b"),   # no name
            pb.Item(item_id=items[1], category="Not A Slug", update_mask=mask("category")),
            pb.Item(item_id=new_id, name="Trail Runner 9000", update_mask=mask("name")),      # changes nothing
            pb.Item(item_id=new_id, update_mask=mask("tags")),                                 # removes the tags
            pb.Item(item_id="never-seen", price=1, update_mask=mask("price")),                 # partial of an unknown item
            pb.Item(item_id=new_id, update_mask=mask("colour")),
        ]
        summary = s.UpsertItems(iter(rows), metadata=AUTH, timeout=TIMEOUT)
        assert (summary.received, summary.created, summary.updated, summary.unchanged, summary.rejected) == (9, 1, 2, 1, 5), summary
        changes = {c.index: (c.item_id, c.created, list(c.changed_fields)) for c in summary.changes}
        assert changes == {0: (new_id, True, []), 1: (items[0], False, ["price"]), 6: (new_id, False, ["tags"])}, changes
        errors = {e.index: (e.item_id, e.error.code, e.error.field) for e in summary.errors}
        assert errors == {2: ("bad item id", "E_BAD_REQUEST", "item_id"), 3: ("new-but-incomplete", "E_BAD_REQUEST", "name"),
                          4: (items[1], "E_BAD_REQUEST", "category"), 7: ("never-seen", "E_UNKNOWN_ITEM", ""),
                          8: (new_id, "E_BAD_REQUEST", "update_mask")}, errors
        created = s.GetItem(pb.GetItemRequest(item_id=new_id), metadata=AUTH, timeout=TIMEOUT)
        assert (created.name, created.category, created.price, created.stock, created.brand, created.rating, list(created.tags)) == \
            ("Trail Runner 9000", "running-shoes", 129.5, 7, "Stride", 4.5, []), created
        updated = s.GetItem(pb.GetItemRequest(item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        assert updated.price == round(one.price + 1, 2) and updated.name == one.name, (one, updated)
        return {"categories": len(cats), "total": page.total, "newPrice": updated.price, "summary": {
            "received": summary.received, "created": summary.created, "updated": summary.updated,
            "unchanged": summary.unchanged, "rejected": summary.rejected}}


def errors():
    user, items = ARGS["userId"], ARGS["itemIds"]
    out = {}
    with channel() as ch:
        s = stub(ch)
        req = pb.RecommendRequest(user_id=user)
        out["noKey"] = expect_error(s.Recommend, req, timeout=TIMEOUT)
        out["wrongKey"] = expect_error(s.Recommend, req, metadata=(("x-api-key", "not-the-key-0123456789"),), timeout=TIMEOUT)
        out["noKeyStream"] = expect_error(lambda: list(s.TrackBatch(iter([ev(user, events_pb2.VIEW, item_id=items[0])]), timeout=TIMEOUT)))
        out["badUser"] = expect_error(s.Track, ev("alice", events_pb2.VIEW, item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        out["noKind"] = expect_error(s.Track, events_pb2.Event(user_id=user, item_id=items[0]), metadata=AUTH, timeout=TIMEOUT)
        out["noItem"] = expect_error(s.Track, ev(user, events_pb2.VIEW), metadata=AUTH, timeout=TIMEOUT)
        out["badQty"] = expect_error(s.Track, ev(user, events_pb2.CART_ADD, item_id=items[0], qty=5000), metadata=AUTH, timeout=TIMEOUT)
        out["reminder"] = expect_error(s.Track, ev(user, events_pb2.REMINDER, reminder="x"), metadata=AUTH, timeout=TIMEOUT)
        out["source"] = expect_error(s.Track, ev(user, events_pb2.VIEW, item_id=items[0], source="ws"), metadata=AUTH, timeout=TIMEOUT)
        out["bigK"] = expect_error(s.Recommend, pb.RecommendRequest(user_id=user, k=1000), metadata=AUTH, timeout=TIMEOUT)
        out["badExclude"] = expect_error(s.Recommend, pb.RecommendRequest(user_id=user, exclude=[items[0], "no spaces!"]), metadata=AUTH, timeout=TIMEOUT)
        out["bigLimit"] = expect_error(s.ListItems, pb.ListItemsRequest(limit=1000), metadata=AUTH, timeout=TIMEOUT)
        out["badCategory"] = expect_error(s.ListItems, pb.ListItemsRequest(category="Not A Slug"), metadata=AUTH, timeout=TIMEOUT)
        out["noItemId"] = expect_error(s.GetItem, pb.GetItemRequest(), metadata=AUTH, timeout=TIMEOUT)
        out["unknownItem"] = expect_error(s.GetItem, pb.GetItemRequest(item_id="no-such-item"), metadata=AUTH, timeout=TIMEOUT)
        out["unknownContext"] = expect_error(s.Recommend, pb.RecommendRequest(user_id=user, item_id="no-such-item"), metadata=AUTH, timeout=TIMEOUT)
        out["unknownCategory"] = expect_error(s.Recommend, pb.RecommendRequest(user_id=user, category="no-such-category"), metadata=AUTH, timeout=TIMEOUT)
        out["trackUnknownItem"] = expect_error(s.Track, ev(user, events_pb2.VIEW, item_id="no-such-item"), metadata=AUTH, timeout=TIMEOUT)
        big = pb.Item(item_id="huge", name="huge", category="huge", description="x" * (2 * 1024 * 1024), price=1, stock=1, brand="b")
        out["tooLarge"] = expect_error(s.UpsertItems, iter([big]), metadata=AUTH, timeout=TIMEOUT)

        # Deadlines: a stream that outlives its deadline, and a batch whose client stalls.
        t0 = time.monotonic()
        out["streamDeadline"] = expect_error(lambda: list(s.StreamRecommendations(pb.StreamRequest(user_id=user), metadata=AUTH, timeout=0.3)))
        out["streamDeadline"]["seconds"] = round(time.monotonic() - t0, 2)

        def stalled():
            yield ev(user, events_pb2.VIEW, id="dl-1", item_id=items[0])
            time.sleep(1.0)
            yield ev(user, events_pb2.VIEW, id="dl-2", item_id=items[1])

        out["batchDeadline"] = expect_error(lambda: list(s.TrackBatch(stalled(), metadata=AUTH, timeout=0.4)))

        # Still serving after all of that.
        r = s.Recommend(pb.RecommendRequest(user_id=user, k=3), metadata=AUTH, timeout=TIMEOUT)
        out["afterwards"] = len(r.items)
    return out


def overload():
    """Many concurrent calls against a server admitting very few at once."""
    user = ARGS["userId"]
    n = ARGS.get("calls", 64)
    results = {"ok": 0, "exhausted": 0, "other": []}
    lock = threading.Lock()
    with channel() as ch:
        s = stub(ch)
        s.ListCategories(pb.ListCategoriesRequest(), timeout=TIMEOUT)  # connect first
        futures = [s.Recommend.future(pb.RecommendRequest(user_id=user, k=8), timeout=TIMEOUT) for _ in range(n)]
        sample = None
        for f in futures:
            try:
                f.result()
                results["ok"] += 1
            except grpc.RpcError as err:
                e = error_of(err)
                with lock:
                    if e["status"] == "RESOURCE_EXHAUSTED":
                        results["exhausted"] += 1
                        sample = e
                    else:
                        results["other"].append(e)
        results["sample"] = sample
        results["after"] = len(s.Recommend(pb.RecommendRequest(user_id=user, k=3), timeout=TIMEOUT).items)
    assert results["ok"] > 0 and results["exhausted"] > 0 and not results["other"], results
    return results


SCENARIOS = {f.__name__: f for f in [health_reflection, track, track_batch, recommend, stream, catalog, errors, overload]}

if __name__ == "__main__":
    print(json.dumps(SCENARIOS[SCENARIO]()))
