/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const shop = $root.shop = (() => {

    /**
     * Namespace shop.
     * @exports shop
     * @namespace
     */
    const shop = {};

    shop.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof shop
         * @namespace
         */
        const v1 = {};

        /**
         * EventKind enum.
         * @name shop.v1.EventKind
         * @enum {number}
         * @property {number} EVENT_KIND_UNSPECIFIED=0 EVENT_KIND_UNSPECIFIED value
         * @property {number} VIEW=1 VIEW value
         * @property {number} CART_ADD=2 CART_ADD value
         * @property {number} CART_REMOVE=3 CART_REMOVE value
         * @property {number} PURCHASE=4 PURCHASE value
         * @property {number} SEARCH=5 SEARCH value
         * @property {number} DWELL=6 DWELL value
         * @property {number} REC_CLICK=7 REC_CLICK value
         * @property {number} REMINDER=8 REMINDER value
         * @property {number} CHECKOUT=9 CHECKOUT value
         * @property {number} STOCK_RESERVE=10 STOCK_RESERVE value
         * @property {number} STOCK_GRANTED=11 STOCK_GRANTED value
         * @property {number} STOCK_REFUSED=12 STOCK_REFUSED value
         * @property {number} STOCK_COMMIT=13 STOCK_COMMIT value
         * @property {number} STOCK_RELEASE=14 STOCK_RELEASE value
         * @property {number} STOCK_SET=15 STOCK_SET value
         * @property {number} REC_IMPRESSION=16 REC_IMPRESSION value
         * @property {number} SEGMENT_CHANGE=17 SEGMENT_CHANGE value
         * @property {number} DEFINITION=18 DEFINITION value
         * @property {number} SEARCH_CLICK=40 SEARCH_CLICK value
         * @property {number} COUPON_RESERVE=19 COUPON_RESERVE value
         * @property {number} COUPON_GRANTED=20 COUPON_GRANTED value
         * @property {number} COUPON_REFUSED=21 COUPON_REFUSED value
         * @property {number} COUPON_COMMIT=22 COUPON_COMMIT value
         * @property {number} COUPON_RELEASE=23 COUPON_RELEASE value
         * @property {number} AD_IMPRESSION=50 AD_IMPRESSION value
         * @property {number} AD_CLICK=51 AD_CLICK value
         * @property {number} AD_CHARGED=52 AD_CHARGED value
         * @property {number} AD_CHARGE_REFUSED=53 AD_CHARGE_REFUSED value
         * @property {number} EXPOSURE=60 EXPOSURE value
         */
        v1.EventKind = (function() {
            const valuesById = {}, values = Object.create(valuesById);
            values[valuesById[0] = "EVENT_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "VIEW"] = 1;
            values[valuesById[2] = "CART_ADD"] = 2;
            values[valuesById[3] = "CART_REMOVE"] = 3;
            values[valuesById[4] = "PURCHASE"] = 4;
            values[valuesById[5] = "SEARCH"] = 5;
            values[valuesById[6] = "DWELL"] = 6;
            values[valuesById[7] = "REC_CLICK"] = 7;
            values[valuesById[8] = "REMINDER"] = 8;
            values[valuesById[9] = "CHECKOUT"] = 9;
            values[valuesById[10] = "STOCK_RESERVE"] = 10;
            values[valuesById[11] = "STOCK_GRANTED"] = 11;
            values[valuesById[12] = "STOCK_REFUSED"] = 12;
            values[valuesById[13] = "STOCK_COMMIT"] = 13;
            values[valuesById[14] = "STOCK_RELEASE"] = 14;
            values[valuesById[15] = "STOCK_SET"] = 15;
            values[valuesById[16] = "REC_IMPRESSION"] = 16;
            values[valuesById[17] = "SEGMENT_CHANGE"] = 17;
            values[valuesById[18] = "DEFINITION"] = 18;
            values[valuesById[40] = "SEARCH_CLICK"] = 40;
            values[valuesById[19] = "COUPON_RESERVE"] = 19;
            values[valuesById[20] = "COUPON_GRANTED"] = 20;
            values[valuesById[21] = "COUPON_REFUSED"] = 21;
            values[valuesById[22] = "COUPON_COMMIT"] = 22;
            values[valuesById[23] = "COUPON_RELEASE"] = 23;
            values[valuesById[50] = "AD_IMPRESSION"] = 50;
            values[valuesById[51] = "AD_CLICK"] = 51;
            values[valuesById[52] = "AD_CHARGED"] = 52;
            values[valuesById[53] = "AD_CHARGE_REFUSED"] = 53;
            values[valuesById[60] = "EXPOSURE"] = 60;
            return values;
        })();

        v1.Line = (function() {

            /**
             * Properties of a Line.
             * @memberof shop.v1
             * @interface ILine
             * @property {string|null} [itemId] Line itemId
             * @property {number|null} [qty] Line qty
             * @property {number|null} [price] Line price
             */

            /**
             * Constructs a new Line.
             * @memberof shop.v1
             * @classdesc Represents a Line.
             * @implements ILine
             * @constructor
             * @param {shop.v1.ILine=} [properties] Properties to set
             */
            function Line(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Line itemId.
             * @member {string} itemId
             * @memberof shop.v1.Line
             * @instance
             */
            Line.prototype.itemId = "";

            /**
             * Line qty.
             * @member {number} qty
             * @memberof shop.v1.Line
             * @instance
             */
            Line.prototype.qty = 0;

            /**
             * Line price.
             * @member {number} price
             * @memberof shop.v1.Line
             * @instance
             */
            Line.prototype.price = 0;

            /**
             * Creates a new Line instance using the specified properties.
             * @function create
             * @memberof shop.v1.Line
             * @static
             * @param {shop.v1.ILine=} [properties] Properties to set
             * @returns {shop.v1.Line} Line instance
             */
            Line.create = function create(properties) {
                return new Line(properties);
            };

            /**
             * Encodes the specified Line message. Does not implicitly {@link shop.v1.Line.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.Line
             * @static
             * @param {shop.v1.ILine} message Line message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Line.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.itemId != null && Object.hasOwnProperty.call(message, "itemId"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.itemId);
                if (message.qty != null && Object.hasOwnProperty.call(message, "qty"))
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.qty);
                if (message.price != null && Object.hasOwnProperty.call(message, "price"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.price);
                return writer;
            };

            /**
             * Decodes a Line message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.Line
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {shop.v1.Line} Line
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Line.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.shop.v1.Line();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.itemId = reader.string();
                            break;
                        }
                    case 2: {
                            message.qty = reader.int32();
                            break;
                        }
                    case 3: {
                            message.price = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Line
             * @function getTypeUrl
             * @memberof shop.v1.Line
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Line.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.Line";
            };

            return Line;
        })();

        v1.Event = (function() {

            /**
             * Properties of an Event.
             * @memberof shop.v1
             * @interface IEvent
             * @property {string|null} [id] Event id
             * @property {string|null} [userId] Event userId
             * @property {shop.v1.EventKind|null} [kind] Event kind
             * @property {string|null} [itemId] Event itemId
             * @property {string|null} [query] Event query
             * @property {number|null} [qty] Event qty
             * @property {number|null} [ts] Event ts
             * @property {number|null} [dwellMs] Event dwellMs
             * @property {string|null} [orderId] Event orderId
             * @property {number|null} [price] Event price
             * @property {string|null} [reminder] Event reminder
             * @property {number|null} [dueAt] Event dueAt
             * @property {string|null} [source] Event source
             * @property {Array.<shop.v1.ILine>|null} [lines] Event lines
             * @property {string|null} [checkoutId] Event checkoutId
             * @property {number|null} [stockLeft] Event stockLeft
             * @property {Array.<string>|null} [itemIds] Event itemIds
             * @property {string|null} [slot] Event slot
             * @property {string|null} [segment] Event segment
             * @property {string|null} [previousSegment] Event previousSegment
             * @property {string|null} [defKind] Event defKind
             * @property {string|null} [defId] Event defId
             * @property {number|null} [defVersion] Event defVersion
             * @property {string|null} [payload] Event payload
             * @property {google.protobuf.IUInt32Value|null} [resultCount] Event resultCount
             * @property {string|null} [category] Event category
             * @property {number|null} [position] Event position
             * @property {string|null} [coupon] Event coupon
             * @property {number|null} [discount] Event discount
             * @property {string|null} [impressionId] Event impressionId
             * @property {string|null} [campaignId] Event campaignId
             * @property {string|null} [modelVersion] Event modelVersion
             * @property {number|null} [adCtr] Event adCtr
             * @property {number|null} [adAffinity] Event adAffinity
             * @property {string|null} [reason] Event reason
             * @property {string|null} [experimentId] Event experimentId
             * @property {number|null} [experimentPhase] Event experimentPhase
             * @property {string|null} [variant] Event variant
             */

            /**
             * Constructs a new Event.
             * @memberof shop.v1
             * @classdesc Represents an Event.
             * @implements IEvent
             * @constructor
             * @param {shop.v1.IEvent=} [properties] Properties to set
             */
            function Event(properties) {
                this.lines = [];
                this.itemIds = [];
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Event id.
             * @member {string} id
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.id = "";

            /**
             * Event userId.
             * @member {string} userId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.userId = "";

            /**
             * Event kind.
             * @member {shop.v1.EventKind} kind
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.kind = 0;

            /**
             * Event itemId.
             * @member {string} itemId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.itemId = "";

            /**
             * Event query.
             * @member {string} query
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.query = "";

            /**
             * Event qty.
             * @member {number} qty
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.qty = 0;

            /**
             * Event ts.
             * @member {number} ts
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.ts = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Event dwellMs.
             * @member {number} dwellMs
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.dwellMs = 0;

            /**
             * Event orderId.
             * @member {string} orderId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.orderId = "";

            /**
             * Event price.
             * @member {number} price
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.price = 0;

            /**
             * Event reminder.
             * @member {string} reminder
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.reminder = "";

            /**
             * Event dueAt.
             * @member {number} dueAt
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.dueAt = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Event source.
             * @member {string} source
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.source = "";

            /**
             * Event lines.
             * @member {Array.<shop.v1.ILine>} lines
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.lines = $util.emptyArray;

            /**
             * Event checkoutId.
             * @member {string} checkoutId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.checkoutId = "";

            /**
             * Event stockLeft.
             * @member {number} stockLeft
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.stockLeft = 0;

            /**
             * Event itemIds.
             * @member {Array.<string>} itemIds
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.itemIds = $util.emptyArray;

            /**
             * Event slot.
             * @member {string} slot
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.slot = "";

            /**
             * Event segment.
             * @member {string} segment
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.segment = "";

            /**
             * Event previousSegment.
             * @member {string} previousSegment
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.previousSegment = "";

            /**
             * Event defKind.
             * @member {string} defKind
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.defKind = "";

            /**
             * Event defId.
             * @member {string} defId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.defId = "";

            /**
             * Event defVersion.
             * @member {number} defVersion
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.defVersion = 0;

            /**
             * Event payload.
             * @member {string} payload
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.payload = "";

            /**
             * Event resultCount.
             * @member {google.protobuf.IUInt32Value|null|undefined} resultCount
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.resultCount = null;

            /**
             * Event category.
             * @member {string} category
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.category = "";

            /**
             * Event position.
             * @member {number} position
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.position = 0;

            /**
             * Event coupon.
             * @member {string} coupon
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.coupon = "";

            /**
             * Event discount.
             * @member {number} discount
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.discount = 0;

            /**
             * Event impressionId.
             * @member {string} impressionId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.impressionId = "";

            /**
             * Event campaignId.
             * @member {string} campaignId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.campaignId = "";

            /**
             * Event modelVersion.
             * @member {string} modelVersion
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.modelVersion = "";

            /**
             * Event adCtr.
             * @member {number} adCtr
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.adCtr = 0;

            /**
             * Event adAffinity.
             * @member {number} adAffinity
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.adAffinity = 0;

            /**
             * Event reason.
             * @member {string} reason
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.reason = "";

            /**
             * Event experimentId.
             * @member {string} experimentId
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.experimentId = "";

            /**
             * Event experimentPhase.
             * @member {number} experimentPhase
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.experimentPhase = 0;

            /**
             * Event variant.
             * @member {string} variant
             * @memberof shop.v1.Event
             * @instance
             */
            Event.prototype.variant = "";

            /**
             * Creates a new Event instance using the specified properties.
             * @function create
             * @memberof shop.v1.Event
             * @static
             * @param {shop.v1.IEvent=} [properties] Properties to set
             * @returns {shop.v1.Event} Event instance
             */
            Event.create = function create(properties) {
                return new Event(properties);
            };

            /**
             * Encodes the specified Event message. Does not implicitly {@link shop.v1.Event.verify|verify} messages.
             * @function encode
             * @memberof shop.v1.Event
             * @static
             * @param {shop.v1.IEvent} message Event message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Event.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.id != null && Object.hasOwnProperty.call(message, "id"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.userId != null && Object.hasOwnProperty.call(message, "userId"))
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.userId);
                if (message.kind != null && Object.hasOwnProperty.call(message, "kind"))
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.kind);
                if (message.itemId != null && Object.hasOwnProperty.call(message, "itemId"))
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.itemId);
                if (message.query != null && Object.hasOwnProperty.call(message, "query"))
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.query);
                if (message.qty != null && Object.hasOwnProperty.call(message, "qty"))
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.qty);
                if (message.ts != null && Object.hasOwnProperty.call(message, "ts"))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.ts);
                if (message.dwellMs != null && Object.hasOwnProperty.call(message, "dwellMs"))
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.dwellMs);
                if (message.orderId != null && Object.hasOwnProperty.call(message, "orderId"))
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.orderId);
                if (message.price != null && Object.hasOwnProperty.call(message, "price"))
                    writer.uint32(/* id 10, wireType 1 =*/81).double(message.price);
                if (message.reminder != null && Object.hasOwnProperty.call(message, "reminder"))
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.reminder);
                if (message.dueAt != null && Object.hasOwnProperty.call(message, "dueAt"))
                    writer.uint32(/* id 12, wireType 0 =*/96).int64(message.dueAt);
                if (message.source != null && Object.hasOwnProperty.call(message, "source"))
                    writer.uint32(/* id 13, wireType 2 =*/106).string(message.source);
                if (message.lines != null && message.lines.length)
                    for (let i = 0; i < message.lines.length; ++i)
                        $root.shop.v1.Line.encode(message.lines[i], writer.uint32(/* id 14, wireType 2 =*/114).fork(), q + 1).ldelim();
                if (message.checkoutId != null && Object.hasOwnProperty.call(message, "checkoutId"))
                    writer.uint32(/* id 15, wireType 2 =*/122).string(message.checkoutId);
                if (message.stockLeft != null && Object.hasOwnProperty.call(message, "stockLeft"))
                    writer.uint32(/* id 16, wireType 0 =*/128).int32(message.stockLeft);
                if (message.itemIds != null && message.itemIds.length)
                    for (let i = 0; i < message.itemIds.length; ++i)
                        writer.uint32(/* id 17, wireType 2 =*/138).string(message.itemIds[i]);
                if (message.slot != null && Object.hasOwnProperty.call(message, "slot"))
                    writer.uint32(/* id 18, wireType 2 =*/146).string(message.slot);
                if (message.segment != null && Object.hasOwnProperty.call(message, "segment"))
                    writer.uint32(/* id 19, wireType 2 =*/154).string(message.segment);
                if (message.previousSegment != null && Object.hasOwnProperty.call(message, "previousSegment"))
                    writer.uint32(/* id 20, wireType 2 =*/162).string(message.previousSegment);
                if (message.defKind != null && Object.hasOwnProperty.call(message, "defKind"))
                    writer.uint32(/* id 21, wireType 2 =*/170).string(message.defKind);
                if (message.defId != null && Object.hasOwnProperty.call(message, "defId"))
                    writer.uint32(/* id 22, wireType 2 =*/178).string(message.defId);
                if (message.defVersion != null && Object.hasOwnProperty.call(message, "defVersion"))
                    writer.uint32(/* id 23, wireType 0 =*/184).int32(message.defVersion);
                if (message.payload != null && Object.hasOwnProperty.call(message, "payload"))
                    writer.uint32(/* id 24, wireType 2 =*/194).string(message.payload);
                if (message.coupon != null && Object.hasOwnProperty.call(message, "coupon"))
                    writer.uint32(/* id 25, wireType 2 =*/202).string(message.coupon);
                if (message.discount != null && Object.hasOwnProperty.call(message, "discount"))
                    writer.uint32(/* id 26, wireType 1 =*/209).double(message.discount);
                if (message.reason != null && Object.hasOwnProperty.call(message, "reason"))
                    writer.uint32(/* id 27, wireType 2 =*/218).string(message.reason);
                if (message.resultCount != null && Object.hasOwnProperty.call(message, "resultCount"))
                    $root.google.protobuf.UInt32Value.encode(message.resultCount, writer.uint32(/* id 41, wireType 2 =*/330).fork(), q + 1).ldelim();
                if (message.category != null && Object.hasOwnProperty.call(message, "category"))
                    writer.uint32(/* id 42, wireType 2 =*/338).string(message.category);
                if (message.position != null && Object.hasOwnProperty.call(message, "position"))
                    writer.uint32(/* id 43, wireType 0 =*/344).int32(message.position);
                if (message.impressionId != null && Object.hasOwnProperty.call(message, "impressionId"))
                    writer.uint32(/* id 50, wireType 2 =*/402).string(message.impressionId);
                if (message.campaignId != null && Object.hasOwnProperty.call(message, "campaignId"))
                    writer.uint32(/* id 51, wireType 2 =*/410).string(message.campaignId);
                if (message.modelVersion != null && Object.hasOwnProperty.call(message, "modelVersion"))
                    writer.uint32(/* id 52, wireType 2 =*/418).string(message.modelVersion);
                if (message.adCtr != null && Object.hasOwnProperty.call(message, "adCtr"))
                    writer.uint32(/* id 53, wireType 1 =*/425).double(message.adCtr);
                if (message.adAffinity != null && Object.hasOwnProperty.call(message, "adAffinity"))
                    writer.uint32(/* id 54, wireType 1 =*/433).double(message.adAffinity);
                if (message.experimentId != null && Object.hasOwnProperty.call(message, "experimentId"))
                    writer.uint32(/* id 60, wireType 2 =*/482).string(message.experimentId);
                if (message.experimentPhase != null && Object.hasOwnProperty.call(message, "experimentPhase"))
                    writer.uint32(/* id 61, wireType 0 =*/488).int32(message.experimentPhase);
                if (message.variant != null && Object.hasOwnProperty.call(message, "variant"))
                    writer.uint32(/* id 62, wireType 2 =*/498).string(message.variant);
                return writer;
            };

            /**
             * Decodes an Event message from the specified reader or buffer.
             * @function decode
             * @memberof shop.v1.Event
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {shop.v1.Event} Event
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Event.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.shop.v1.Event();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.id = reader.string();
                            break;
                        }
                    case 2: {
                            message.userId = reader.string();
                            break;
                        }
                    case 3: {
                            message.kind = reader.int32();
                            break;
                        }
                    case 4: {
                            message.itemId = reader.string();
                            break;
                        }
                    case 5: {
                            message.query = reader.string();
                            break;
                        }
                    case 6: {
                            message.qty = reader.int32();
                            break;
                        }
                    case 7: {
                            message.ts = reader.int64();
                            break;
                        }
                    case 8: {
                            message.dwellMs = reader.int32();
                            break;
                        }
                    case 9: {
                            message.orderId = reader.string();
                            break;
                        }
                    case 10: {
                            message.price = reader.double();
                            break;
                        }
                    case 11: {
                            message.reminder = reader.string();
                            break;
                        }
                    case 12: {
                            message.dueAt = reader.int64();
                            break;
                        }
                    case 13: {
                            message.source = reader.string();
                            break;
                        }
                    case 14: {
                            if (!(message.lines && message.lines.length))
                                message.lines = [];
                            message.lines.push($root.shop.v1.Line.decode(reader, reader.uint32(), undefined, long + 1));
                            break;
                        }
                    case 15: {
                            message.checkoutId = reader.string();
                            break;
                        }
                    case 16: {
                            message.stockLeft = reader.int32();
                            break;
                        }
                    case 17: {
                            if (!(message.itemIds && message.itemIds.length))
                                message.itemIds = [];
                            message.itemIds.push(reader.string());
                            break;
                        }
                    case 18: {
                            message.slot = reader.string();
                            break;
                        }
                    case 19: {
                            message.segment = reader.string();
                            break;
                        }
                    case 20: {
                            message.previousSegment = reader.string();
                            break;
                        }
                    case 21: {
                            message.defKind = reader.string();
                            break;
                        }
                    case 22: {
                            message.defId = reader.string();
                            break;
                        }
                    case 23: {
                            message.defVersion = reader.int32();
                            break;
                        }
                    case 24: {
                            message.payload = reader.string();
                            break;
                        }
                    case 41: {
                            message.resultCount = $root.google.protobuf.UInt32Value.decode(reader, reader.uint32(), undefined, long + 1);
                            break;
                        }
                    case 42: {
                            message.category = reader.string();
                            break;
                        }
                    case 43: {
                            message.position = reader.int32();
                            break;
                        }
                    case 25: {
                            message.coupon = reader.string();
                            break;
                        }
                    case 26: {
                            message.discount = reader.double();
                            break;
                        }
                    case 50: {
                            message.impressionId = reader.string();
                            break;
                        }
                    case 51: {
                            message.campaignId = reader.string();
                            break;
                        }
                    case 52: {
                            message.modelVersion = reader.string();
                            break;
                        }
                    case 53: {
                            message.adCtr = reader.double();
                            break;
                        }
                    case 54: {
                            message.adAffinity = reader.double();
                            break;
                        }
                    case 27: {
                            message.reason = reader.string();
                            break;
                        }
                    case 60: {
                            message.experimentId = reader.string();
                            break;
                        }
                    case 61: {
                            message.experimentPhase = reader.int32();
                            break;
                        }
                    case 62: {
                            message.variant = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Event
             * @function getTypeUrl
             * @memberof shop.v1.Event
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Event.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/shop.v1.Event";
            };

            return Event;
        })();

        return v1;
    })();

    return shop;
})();

export const google = $root.google = (() => {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    const google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        const protobuf = {};

        protobuf.DoubleValue = (function() {

            /**
             * Properties of a DoubleValue.
             * @memberof google.protobuf
             * @interface IDoubleValue
             * @property {number|null} [value] DoubleValue value
             */

            /**
             * Constructs a new DoubleValue.
             * @memberof google.protobuf
             * @classdesc Represents a DoubleValue.
             * @implements IDoubleValue
             * @constructor
             * @param {google.protobuf.IDoubleValue=} [properties] Properties to set
             */
            function DoubleValue(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * DoubleValue value.
             * @member {number} value
             * @memberof google.protobuf.DoubleValue
             * @instance
             */
            DoubleValue.prototype.value = 0;

            /**
             * Creates a new DoubleValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.DoubleValue
             * @static
             * @param {google.protobuf.IDoubleValue=} [properties] Properties to set
             * @returns {google.protobuf.DoubleValue} DoubleValue instance
             */
            DoubleValue.create = function create(properties) {
                return new DoubleValue(properties);
            };

            /**
             * Encodes the specified DoubleValue message. Does not implicitly {@link google.protobuf.DoubleValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.DoubleValue
             * @static
             * @param {google.protobuf.IDoubleValue} message DoubleValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DoubleValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 1 =*/9).double(message.value);
                return writer;
            };

            /**
             * Decodes a DoubleValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.DoubleValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.DoubleValue} DoubleValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DoubleValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.DoubleValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.double();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for DoubleValue
             * @function getTypeUrl
             * @memberof google.protobuf.DoubleValue
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            DoubleValue.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.DoubleValue";
            };

            return DoubleValue;
        })();

        protobuf.FloatValue = (function() {

            /**
             * Properties of a FloatValue.
             * @memberof google.protobuf
             * @interface IFloatValue
             * @property {number|null} [value] FloatValue value
             */

            /**
             * Constructs a new FloatValue.
             * @memberof google.protobuf
             * @classdesc Represents a FloatValue.
             * @implements IFloatValue
             * @constructor
             * @param {google.protobuf.IFloatValue=} [properties] Properties to set
             */
            function FloatValue(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * FloatValue value.
             * @member {number} value
             * @memberof google.protobuf.FloatValue
             * @instance
             */
            FloatValue.prototype.value = 0;

            /**
             * Creates a new FloatValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.FloatValue
             * @static
             * @param {google.protobuf.IFloatValue=} [properties] Properties to set
             * @returns {google.protobuf.FloatValue} FloatValue instance
             */
            FloatValue.create = function create(properties) {
                return new FloatValue(properties);
            };

            /**
             * Encodes the specified FloatValue message. Does not implicitly {@link google.protobuf.FloatValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.FloatValue
             * @static
             * @param {google.protobuf.IFloatValue} message FloatValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            FloatValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 5 =*/13).float(message.value);
                return writer;
            };

            /**
             * Decodes a FloatValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.FloatValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.FloatValue} FloatValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            FloatValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.FloatValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.float();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for FloatValue
             * @function getTypeUrl
             * @memberof google.protobuf.FloatValue
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            FloatValue.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.FloatValue";
            };

            return FloatValue;
        })();

        protobuf.Int64Value = (function() {

            /**
             * Properties of an Int64Value.
             * @memberof google.protobuf
             * @interface IInt64Value
             * @property {number|null} [value] Int64Value value
             */

            /**
             * Constructs a new Int64Value.
             * @memberof google.protobuf
             * @classdesc Represents an Int64Value.
             * @implements IInt64Value
             * @constructor
             * @param {google.protobuf.IInt64Value=} [properties] Properties to set
             */
            function Int64Value(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Int64Value value.
             * @member {number} value
             * @memberof google.protobuf.Int64Value
             * @instance
             */
            Int64Value.prototype.value = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Int64Value instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Int64Value
             * @static
             * @param {google.protobuf.IInt64Value=} [properties] Properties to set
             * @returns {google.protobuf.Int64Value} Int64Value instance
             */
            Int64Value.create = function create(properties) {
                return new Int64Value(properties);
            };

            /**
             * Encodes the specified Int64Value message. Does not implicitly {@link google.protobuf.Int64Value.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Int64Value
             * @static
             * @param {google.protobuf.IInt64Value} message Int64Value message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Int64Value.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.value);
                return writer;
            };

            /**
             * Decodes an Int64Value message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Int64Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Int64Value} Int64Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Int64Value.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.Int64Value();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.int64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Int64Value
             * @function getTypeUrl
             * @memberof google.protobuf.Int64Value
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Int64Value.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.Int64Value";
            };

            return Int64Value;
        })();

        protobuf.UInt64Value = (function() {

            /**
             * Properties of a UInt64Value.
             * @memberof google.protobuf
             * @interface IUInt64Value
             * @property {number|null} [value] UInt64Value value
             */

            /**
             * Constructs a new UInt64Value.
             * @memberof google.protobuf
             * @classdesc Represents a UInt64Value.
             * @implements IUInt64Value
             * @constructor
             * @param {google.protobuf.IUInt64Value=} [properties] Properties to set
             */
            function UInt64Value(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UInt64Value value.
             * @member {number} value
             * @memberof google.protobuf.UInt64Value
             * @instance
             */
            UInt64Value.prototype.value = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new UInt64Value instance using the specified properties.
             * @function create
             * @memberof google.protobuf.UInt64Value
             * @static
             * @param {google.protobuf.IUInt64Value=} [properties] Properties to set
             * @returns {google.protobuf.UInt64Value} UInt64Value instance
             */
            UInt64Value.create = function create(properties) {
                return new UInt64Value(properties);
            };

            /**
             * Encodes the specified UInt64Value message. Does not implicitly {@link google.protobuf.UInt64Value.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.UInt64Value
             * @static
             * @param {google.protobuf.IUInt64Value} message UInt64Value message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UInt64Value.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.value);
                return writer;
            };

            /**
             * Decodes a UInt64Value message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.UInt64Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.UInt64Value} UInt64Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UInt64Value.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.UInt64Value();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.uint64();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for UInt64Value
             * @function getTypeUrl
             * @memberof google.protobuf.UInt64Value
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UInt64Value.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.UInt64Value";
            };

            return UInt64Value;
        })();

        protobuf.Int32Value = (function() {

            /**
             * Properties of an Int32Value.
             * @memberof google.protobuf
             * @interface IInt32Value
             * @property {number|null} [value] Int32Value value
             */

            /**
             * Constructs a new Int32Value.
             * @memberof google.protobuf
             * @classdesc Represents an Int32Value.
             * @implements IInt32Value
             * @constructor
             * @param {google.protobuf.IInt32Value=} [properties] Properties to set
             */
            function Int32Value(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * Int32Value value.
             * @member {number} value
             * @memberof google.protobuf.Int32Value
             * @instance
             */
            Int32Value.prototype.value = 0;

            /**
             * Creates a new Int32Value instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Int32Value
             * @static
             * @param {google.protobuf.IInt32Value=} [properties] Properties to set
             * @returns {google.protobuf.Int32Value} Int32Value instance
             */
            Int32Value.create = function create(properties) {
                return new Int32Value(properties);
            };

            /**
             * Encodes the specified Int32Value message. Does not implicitly {@link google.protobuf.Int32Value.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Int32Value
             * @static
             * @param {google.protobuf.IInt32Value} message Int32Value message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Int32Value.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.value);
                return writer;
            };

            /**
             * Decodes an Int32Value message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Int32Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Int32Value} Int32Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Int32Value.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.Int32Value();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.int32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for Int32Value
             * @function getTypeUrl
             * @memberof google.protobuf.Int32Value
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            Int32Value.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.Int32Value";
            };

            return Int32Value;
        })();

        protobuf.UInt32Value = (function() {

            /**
             * Properties of a UInt32Value.
             * @memberof google.protobuf
             * @interface IUInt32Value
             * @property {number|null} [value] UInt32Value value
             */

            /**
             * Constructs a new UInt32Value.
             * @memberof google.protobuf
             * @classdesc Represents a UInt32Value.
             * @implements IUInt32Value
             * @constructor
             * @param {google.protobuf.IUInt32Value=} [properties] Properties to set
             */
            function UInt32Value(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * UInt32Value value.
             * @member {number} value
             * @memberof google.protobuf.UInt32Value
             * @instance
             */
            UInt32Value.prototype.value = 0;

            /**
             * Creates a new UInt32Value instance using the specified properties.
             * @function create
             * @memberof google.protobuf.UInt32Value
             * @static
             * @param {google.protobuf.IUInt32Value=} [properties] Properties to set
             * @returns {google.protobuf.UInt32Value} UInt32Value instance
             */
            UInt32Value.create = function create(properties) {
                return new UInt32Value(properties);
            };

            /**
             * Encodes the specified UInt32Value message. Does not implicitly {@link google.protobuf.UInt32Value.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.UInt32Value
             * @static
             * @param {google.protobuf.IUInt32Value} message UInt32Value message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            UInt32Value.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.value);
                return writer;
            };

            /**
             * Decodes a UInt32Value message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.UInt32Value
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.UInt32Value} UInt32Value
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            UInt32Value.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.UInt32Value();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.uint32();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for UInt32Value
             * @function getTypeUrl
             * @memberof google.protobuf.UInt32Value
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            UInt32Value.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.UInt32Value";
            };

            return UInt32Value;
        })();

        protobuf.BoolValue = (function() {

            /**
             * Properties of a BoolValue.
             * @memberof google.protobuf
             * @interface IBoolValue
             * @property {boolean|null} [value] BoolValue value
             */

            /**
             * Constructs a new BoolValue.
             * @memberof google.protobuf
             * @classdesc Represents a BoolValue.
             * @implements IBoolValue
             * @constructor
             * @param {google.protobuf.IBoolValue=} [properties] Properties to set
             */
            function BoolValue(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BoolValue value.
             * @member {boolean} value
             * @memberof google.protobuf.BoolValue
             * @instance
             */
            BoolValue.prototype.value = false;

            /**
             * Creates a new BoolValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {google.protobuf.IBoolValue=} [properties] Properties to set
             * @returns {google.protobuf.BoolValue} BoolValue instance
             */
            BoolValue.create = function create(properties) {
                return new BoolValue(properties);
            };

            /**
             * Encodes the specified BoolValue message. Does not implicitly {@link google.protobuf.BoolValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {google.protobuf.IBoolValue} message BoolValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BoolValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.value);
                return writer;
            };

            /**
             * Decodes a BoolValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.BoolValue} BoolValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BoolValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.BoolValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.bool();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BoolValue
             * @function getTypeUrl
             * @memberof google.protobuf.BoolValue
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BoolValue.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.BoolValue";
            };

            return BoolValue;
        })();

        protobuf.StringValue = (function() {

            /**
             * Properties of a StringValue.
             * @memberof google.protobuf
             * @interface IStringValue
             * @property {string|null} [value] StringValue value
             */

            /**
             * Constructs a new StringValue.
             * @memberof google.protobuf
             * @classdesc Represents a StringValue.
             * @implements IStringValue
             * @constructor
             * @param {google.protobuf.IStringValue=} [properties] Properties to set
             */
            function StringValue(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * StringValue value.
             * @member {string} value
             * @memberof google.protobuf.StringValue
             * @instance
             */
            StringValue.prototype.value = "";

            /**
             * Creates a new StringValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.StringValue
             * @static
             * @param {google.protobuf.IStringValue=} [properties] Properties to set
             * @returns {google.protobuf.StringValue} StringValue instance
             */
            StringValue.create = function create(properties) {
                return new StringValue(properties);
            };

            /**
             * Encodes the specified StringValue message. Does not implicitly {@link google.protobuf.StringValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.StringValue
             * @static
             * @param {google.protobuf.IStringValue} message StringValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StringValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.value);
                return writer;
            };

            /**
             * Decodes a StringValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.StringValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.StringValue} StringValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StringValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.StringValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.string();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for StringValue
             * @function getTypeUrl
             * @memberof google.protobuf.StringValue
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            StringValue.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.StringValue";
            };

            return StringValue;
        })();

        protobuf.BytesValue = (function() {

            /**
             * Properties of a BytesValue.
             * @memberof google.protobuf
             * @interface IBytesValue
             * @property {Uint8Array|null} [value] BytesValue value
             */

            /**
             * Constructs a new BytesValue.
             * @memberof google.protobuf
             * @classdesc Represents a BytesValue.
             * @implements IBytesValue
             * @constructor
             * @param {google.protobuf.IBytesValue=} [properties] Properties to set
             */
            function BytesValue(properties) {
                if (properties)
                    for (let keys = Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            }

            /**
             * BytesValue value.
             * @member {Uint8Array} value
             * @memberof google.protobuf.BytesValue
             * @instance
             */
            BytesValue.prototype.value = $util.newBuffer([]);

            /**
             * Creates a new BytesValue instance using the specified properties.
             * @function create
             * @memberof google.protobuf.BytesValue
             * @static
             * @param {google.protobuf.IBytesValue=} [properties] Properties to set
             * @returns {google.protobuf.BytesValue} BytesValue instance
             */
            BytesValue.create = function create(properties) {
                return new BytesValue(properties);
            };

            /**
             * Encodes the specified BytesValue message. Does not implicitly {@link google.protobuf.BytesValue.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.BytesValue
             * @static
             * @param {google.protobuf.IBytesValue} message BytesValue message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BytesValue.encode = function encode(message, writer, q) {
                if (!writer)
                    writer = $Writer.create();
                if (q === undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw Error("max depth exceeded");
                if (message.value != null && Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.value);
                return writer;
            };

            /**
             * Decodes a BytesValue message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.BytesValue
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.BytesValue} BytesValue
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BytesValue.decode = function decode(reader, length, error, long) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (long === undefined)
                    long = 0;
                if (long > $Reader.recursionLimit)
                    throw Error("maximum nesting depth exceeded");
                let end, message;
                if (length === undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = new $root.google.protobuf.BytesValue();
                while (reader.pos < end) {
                    let tag = reader.uint32();
                    if (tag === error)
                        break;
                    switch (tag >>> 3) {
                    case 1: {
                            message.value = reader.bytes();
                            break;
                        }
                    default:
                        reader.skipType(tag & 7, long);
                        break;
                    }
                }
                if (length !== undefined) {
                    if (reader.pos !== end)
                        throw RangeError("index out of range");
                    reader.len = length;
                }
                return message;
            };

            /**
             * Gets the default type url for BytesValue
             * @function getTypeUrl
             * @memberof google.protobuf.BytesValue
             * @static
             * @param {string} [typeUrlPrefix] your custom typeUrlPrefix(default "type.googleapis.com")
             * @returns {string} The default type url
             */
            BytesValue.getTypeUrl = function getTypeUrl(typeUrlPrefix) {
                if (typeUrlPrefix === undefined) {
                    typeUrlPrefix = "type.googleapis.com";
                }
                return typeUrlPrefix + "/google.protobuf.BytesValue";
            };

            return BytesValue;
        })();

        return protobuf;
    })();

    return google;
})();

export { $root as default };
