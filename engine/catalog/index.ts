/**
 * Public surface of the catalog: products, the demo shop, file import, the
 * in-memory catalog with listing and keyword search, fingerprints and content
 * embeddings. Everything here is plain, synchronous-where-possible code that runs
 * on any thread (worker-safe): no NATS, no LMDB, no sockets.
 */
export {
  type Product,
  type ProductCheck,
  checkProduct,
  ITEM_ID_PATTERN,
  CATEGORY_PATTERN,
  MAX_PRICE,
  PRODUCT_FIELDS,
  OPTIONAL_PRODUCT_FIELDS,
} from './product.js';
export { demoCatalog, type DemoCatalogOptions, DEFAULT_DEMO_COUNT, DEFAULT_DEMO_SEED, MAX_DEMO_COUNT } from './demo-catalog.js';
export { DEMO_CATEGORIES, type CategorySpec } from './demo-categories.js';
export {
  loadCatalogFile,
  type LoadCatalogOptions,
  type LoadCatalogResult,
  type CatalogFormat,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_ROW_BYTES,
  DEFAULT_MAX_ERRORS,
} from './load-catalog-file.js';
export {
  Catalog,
  type CatalogOptions,
  type ListQuery,
  type ListResult,
  type CategoryCount,
  type SortOrder,
  type PopularityFn,
  SORT_ORDERS,
  DEFAULT_LIST_LIMIT,
  MAX_LIST_LIMIT,
  MAX_QUERY_LENGTH,
} from './catalog.js';
export { TokenSearch, type TextSearch, type TextSearchFactory, SEARCH_FIELD_WEIGHTS } from './text-search.js';
export { tokenize } from './tokenize.js';
export { catalogFingerprint, type FingerprintOptions, FINGERPRINT_VERSION } from './fingerprint.js';
export {
  contentEmbeddings,
  ContentEmbedder,
  type ContentEmbeddingOptions,
  DEFAULT_EMBEDDING_DIM,
  DEFAULT_PROJECTION_SEED,
  MIN_EMBEDDING_DIM,
  MAX_EMBEDDING_DIM,
  EMBEDDING_FIELD_WEIGHTS,
} from './content-embeddings.js';
/** The streaming CSV parser, shared with the order importers (engine/analytics/import). */
export { CsvParser, type CsvRecord, type CsvEmit } from './csv-parser.js';
