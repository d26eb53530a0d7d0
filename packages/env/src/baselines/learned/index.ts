export { type ContextAggregates, contextAggregates, contextFeatureNames } from "./context-features.js";
export {
  type LearnedFeature,
  type LearnedFeatureSet,
  learnedFeatureNames,
  learnedFeatures,
  questionFeatures,
} from "./learned-features.js";
export {
  isLearnedModel,
  type LearnedModel,
  type LearnedPrediction,
  learnedLogit,
  type PredictLearnedOptions,
  predictLearned,
} from "./learned-model.js";
