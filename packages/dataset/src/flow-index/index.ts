export { type ToIndexedFlowOptions, toIndexedFlow } from "./flow-index-entry.js";
export {
  type FlowIndex,
  type FlowQueryScope,
  type HostFlowsQuery,
  type IndexedPosition,
  type OpenFlowIndexOptions,
  openFlowIndex,
  type ResponderFlowsQuery,
} from "./flow-index-reader.js";
export { FLOW_INDEX_FORMAT, flowIndexPathFor, type IndexedFlow } from "./flow-index-schema.js";
export {
  createFlowIndexWriter,
  type FlowIndexWriter,
  type FlowIndexWriterOptions,
} from "./flow-index-writer.js";
