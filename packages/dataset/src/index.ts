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
