// The learned predictor lives in @sv/env (packages/env/src/baselines/learned/). Until @sv/env's index
// exports it, the trainer reaches it by path so trainer and predictor share one feature function.
// TODO(lead): export it from packages/env/src/index.ts and import "@sv/env" here.
export {
  isLearnedModel,
  type LearnedModel,
  learnedFeatures,
  learnedLogit,
  predictLearned,
} from "../../../../packages/env/src/baselines/learned/index.js";
