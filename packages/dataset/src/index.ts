export { DATASET_ERROR_CODES, DatasetError, type DatasetErrorCode } from "./dataset-error.js";
export { CONTENT_FIELDS, FLOW_FIELDS, type Flow, type FlowField, type FlowValue, UNSET } from "./flow.js";
export { flowHash } from "./flow-hash.js";
export {
  formatFlowValue,
  parseQuestion,
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
export {
  DEFAULT_DATASET,
  type DatasetSource,
  type LoadDatasetOptions,
  type LoadedDataset,
  type LoadedTier,
  loadDataset,
  selectRows,
} from "./load-dataset.js";
export { readJsonlRows } from "./read-jsonl-rows.js";
export { createSeededRandom, type SeededRandom, shuffleInPlace } from "./seeded-random.js";
export { syntheticRows } from "./synthetic-rows.js";
