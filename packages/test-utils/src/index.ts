export { type FakeHub, type FakeHubOptions, startFakeHub } from "./fake-hub.js";
export type { FakeHubCommit, FakeHubCreate, FakeHubRepo, FakeHubRequest } from "./fake-hub-repo.js";
export { type OpenAIServer, type OpenAIServerOptions, startOpenAIServer } from "./openai-server.js";
export { type ParquetFixtureRow, type RowsToParquetOptions, rowsToParquet } from "./parquet-fixture.js";
export type { ChatRequest, RequestContext, ServerAction } from "./server-action.js";
export { processCpuMs, type TimeRatio, type TimeRatioOptions, timeRatio } from "./time-ratio.js";
