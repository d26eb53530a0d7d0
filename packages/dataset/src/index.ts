export { DATASET_ERROR_CODES, DatasetError, type DatasetErrorCode } from "./dataset-error.js";
export {
  type DatasetOrigin,
  type DatasetSource,
  DEFAULT_DATASET,
  type LoadDatasetOptions,
  type LoadedDataset,
  type LoadedTier,
  type OpenedDataset,
} from "./dataset-options.js";
export { DEMO_DATASET, DEMO_FILE, findDemoFile } from "./demo/find-demo-file.js";
export {
  DEMO_SEED,
  type GenerateDemoRowsOptions,
  generateDemoRows,
  rowsToJsonl,
} from "./demo/generate-demo-rows.js";
export {
  CONTENT_FIELDS,
  FLOW_FIELDS,
  NUMERIC_FLOW_FIELDS,
  type Flow,
  type FlowField,
  type FlowValue,
  UNSET,
} from "./flow.js";
export { flowHash } from "./flow-hash.js";
export {
  createFlowIndexWriter,
  FLOW_INDEX_FORMAT,
  type FlowIndex,
  type FlowIndexWriter,
  type FlowIndexWriterOptions,
  type FlowQueryScope,
  flowIndexPathFor,
  type HostFlowsQuery,
  type IndexedFlow,
  type IndexedPosition,
  type OpenFlowIndexOptions,
  openFlowIndex,
  type ResponderFlowsQuery,
  type ToIndexedFlowOptions,
  toIndexedFlow,
} from "./flow-index/index.js";
export { HUB_SPLITS } from "./hub/hub-layout.js";
export { DEFAULT_HUB_ENDPOINT, DEFAULT_HUB_REPO, type HubOptions } from "./hub/hub-options.js";
export {
  type OpenedHubDataset,
  type OpenHubDatasetOptions,
  openHubDataset,
} from "./hub/open-hub-dataset.js";
export { loadDataset } from "./load-dataset.js";
export { openDataset } from "./open-dataset.js";
export { DEFAULT_DATA_DIR, type DataDir, resolveDataDir } from "./resolve-local-path.js";
export { type ReadJsonlRowsOptions, readJsonlRows } from "./read-jsonl-rows.js";
export {
  type ContextQuestion,
  contextHeader,
  parseContextQuestion,
  renderContextQuestion,
} from "./context-question.js";
export {
  formatFlowValue,
  LOG_ENTRY_PREFIX,
  parseFlowFields,
  parseQuestion,
  renderFlowFields,
  type RenderQuestionOptions,
  renderQuestion,
} from "./render-question.js";
export {
  parseRow,
  type Row,
  type RowAnswer,
  type RowLocation,
  type RowMeta,
  rowAnswerSchema,
  rowMetaSchema,
  rowSchema,
  type SafeParseRowResult,
  safeParseRow,
} from "./row-schema.js";
export { createSeededRandom, type SeededRandom, shuffleInPlace } from "./seeded-random.js";
export {
  createRowSelector,
  DEFAULT_SELECTION_SEED,
  type RowSelection,
  type RowSelector,
  type Sampling,
  type SelectRowsOptions,
  selectionSeed,
  selectRows,
} from "./select/row-selector.js";
export { allocateByLabel } from "./select/stratified-pool.js";
export { streamDataset } from "./stream-dataset.js";
export { syntheticRows } from "./synthetic-rows.js";
