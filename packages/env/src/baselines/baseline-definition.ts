import type { ChatModel } from "../model/chat-model.js";

/** What a baseline may need to load (e.g. a model file under the data dir). */
export interface BaselineLoadOptions {
  /** Directory of local data (default `./data/e1`); a learned baseline reads its model file here. */
  dataDir?: string;
  signal?: AbortSignal;
}

/** One entry of the baseline registry. */
export interface BaselineDefinition {
  /** One line for `--help` and reports. */
  description: string;
  /** Build the model; may read files asynchronously. */
  load(options: BaselineLoadOptions): Promise<ChatModel>;
}
