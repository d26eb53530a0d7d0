// The learned predictor lives in @sv/env, so the trainer here and `pnpm eval -m baseline/learned`
// share one feature function.
export {
  type ContextAggregates,
  contextAggregates,
  isLearnedModel,
  type LearnedFeatureSet,
  type LearnedModel,
  learnedFeatures,
  learnedLogit,
  predictLearned,
  questionFeatures,
} from "@sv/env";
