// The learned predictor lives in @sv/env, so the trainer here and `pnpm eval -m baseline/learned`
// share one feature function.
export { isLearnedModel, type LearnedModel, learnedFeatures, learnedLogit, predictLearned } from "@sv/env";
