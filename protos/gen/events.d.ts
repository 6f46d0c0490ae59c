import * as $protobuf from "protobufjs";
import Long = require("long");
/** Namespace shop. */
export namespace shop {

    /** Namespace v1. */
    namespace v1 {

        /** EventKind enum. */
        enum EventKind {
            EVENT_KIND_UNSPECIFIED = 0,
            VIEW = 1,
            CART_ADD = 2,
            CART_REMOVE = 3,
            PURCHASE = 4,
            SEARCH = 5,
            DWELL = 6,
            REC_CLICK = 7,
            REMINDER = 8,
            CHECKOUT = 9,
            STOCK_RESERVE = 10,
            STOCK_GRANTED = 11,
            STOCK_REFUSED = 12,
            STOCK_COMMIT = 13,
            STOCK_RELEASE = 14,
            STOCK_SET = 15,
            REC_IMPRESSION = 16,
            SEGMENT_CHANGE = 17,
            DEFINITION = 18,
            COUPON_RESERVE = 19,
            COUPON_GRANTED = 20,
            COUPON_REFUSED = 21,
            COUPON_COMMIT = 22,
            COUPON_RELEASE = 23
        }

        /** Properties of a Line. */
        interface ILine {

            /** Line itemId */
            itemId?: (string|null);

            /** Line qty */
            qty?: (number|null);

            /** Line price */
            price?: (number|null);
        }

        /** Represents a Line. */
        class Line implements ILine {

            /**
             * Constructs a new Line.
             * @param [properties] Properties to set
             */
            constructor(properties?: shop.v1.ILine);

            /** Line itemId. */
            public itemId: string;

            /** Line qty. */
            public qty: number;

            /** Line price. */
            public price: number;

            /**
             * Creates a new Line instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Line instance
             */
            public static create(properties?: shop.v1.ILine): shop.v1.Line;

            /**
             * Encodes the specified Line message. Does not implicitly {@link shop.v1.Line.verify|verify} messages.
             * @param message Line message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: shop.v1.ILine, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Line message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Line
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): shop.v1.Line;

            /**
             * Gets the default type url for Line
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }

        /** Properties of an Event. */
        interface IEvent {

            /** Event id */
            id?: (string|null);

            /** Event userId */
            userId?: (string|null);

            /** Event kind */
            kind?: (shop.v1.EventKind|null);

            /** Event itemId */
            itemId?: (string|null);

            /** Event query */
            query?: (string|null);

            /** Event qty */
            qty?: (number|null);

            /** Event ts */
            ts?: (number|null);

            /** Event dwellMs */
            dwellMs?: (number|null);

            /** Event orderId */
            orderId?: (string|null);

            /** Event price */
            price?: (number|null);

            /** Event reminder */
            reminder?: (string|null);

            /** Event dueAt */
            dueAt?: (number|null);

            /** Event source */
            source?: (string|null);

            /** Event lines */
            lines?: (shop.v1.ILine[]|null);

            /** Event checkoutId */
            checkoutId?: (string|null);

            /** Event stockLeft */
            stockLeft?: (number|null);

            /** Event itemIds */
            itemIds?: (string[]|null);

            /** Event slot */
            slot?: (string|null);

            /** Event segment */
            segment?: (string|null);

            /** Event previousSegment */
            previousSegment?: (string|null);

            /** Event defKind */
            defKind?: (string|null);

            /** Event defId */
            defId?: (string|null);

            /** Event defVersion */
            defVersion?: (number|null);

            /** Event payload */
            payload?: (string|null);

            /** Event coupon */
            coupon?: (string|null);

            /** Event discount */
            discount?: (number|null);

            /** Event reason */
            reason?: (string|null);
        }

        /** Represents an Event. */
        class Event implements IEvent {

            /**
             * Constructs a new Event.
             * @param [properties] Properties to set
             */
            constructor(properties?: shop.v1.IEvent);

            /** Event id. */
            public id: string;

            /** Event userId. */
            public userId: string;

            /** Event kind. */
            public kind: shop.v1.EventKind;

            /** Event itemId. */
            public itemId: string;

            /** Event query. */
            public query: string;

            /** Event qty. */
            public qty: number;

            /** Event ts. */
            public ts: number;

            /** Event dwellMs. */
            public dwellMs: number;

            /** Event orderId. */
            public orderId: string;

            /** Event price. */
            public price: number;

            /** Event reminder. */
            public reminder: string;

            /** Event dueAt. */
            public dueAt: number;

            /** Event source. */
            public source: string;

            /** Event lines. */
            public lines: shop.v1.ILine[];

            /** Event checkoutId. */
            public checkoutId: string;

            /** Event stockLeft. */
            public stockLeft: number;

            /** Event itemIds. */
            public itemIds: string[];

            /** Event slot. */
            public slot: string;

            /** Event segment. */
            public segment: string;

            /** Event previousSegment. */
            public previousSegment: string;

            /** Event defKind. */
            public defKind: string;

            /** Event defId. */
            public defId: string;

            /** Event defVersion. */
            public defVersion: number;

            /** Event payload. */
            public payload: string;

            /** Event coupon. */
            public coupon: string;

            /** Event discount. */
            public discount: number;

            /** Event reason. */
            public reason: string;

            /**
             * Creates a new Event instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Event instance
             */
            public static create(properties?: shop.v1.IEvent): shop.v1.Event;

            /**
             * Encodes the specified Event message. Does not implicitly {@link shop.v1.Event.verify|verify} messages.
             * @param message Event message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            public static encode(message: shop.v1.IEvent, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            public static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): shop.v1.Event;

            /**
             * Gets the default type url for Event
             * @param [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns The default type url
             */
            public static getTypeUrl(typeUrlPrefix?: string): string;
        }
    }
}
