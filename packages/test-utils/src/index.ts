export { type FakeHub, type FakeHubOptions, startFakeHub } from "./fake-hub.js";
export type { FakeHubCommit, FakeHubCreate, FakeHubRepo, FakeHubRequest } from "./fake-hub-repo.js";
export { type OpenAIServer, type OpenAIServerOptions, startOpenAIServer } from "./openai-server.js";
export { type ParquetFixtureRow, type RowsToParquetOptions, rowsToParquet } from "./parquet-fixture.js";
export type { ChatRequest, RequestContext, ServerAction } from "./server-action.js";
export { processCpuMs, type TimeRatio, type TimeRatioOptions, timeRatio } from "./time-ratio.js";
export { decodeOtlpJson, decodeOtlpProtobuf } from "./otlp-decode.js";
export {
  type OtlpReceiver,
  type OtlpReceiverOptions,
  type OtlpRequest,
  startOtlpReceiver,
} from "./otlp-receiver.js";
export type { OtlpEvent, OtlpSpan, OtlpValue } from "./otlp-span.js";
export { readWireFields, type WireField } from "./protobuf-wire.js";
