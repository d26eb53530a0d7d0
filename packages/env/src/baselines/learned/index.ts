export { type LearnedFeature, learnedFeatureNames, learnedFeatures } from "./learned-features.js";
export {
  isLearnedModel,
  type LearnedModel,
  type LearnedPrediction,
  learnedLogit,
  type PredictLearnedOptions,
  predictLearned,
} from "./learned-model.js";
