export { createProgram, runCli } from "./cli.js";
export { type ScoreLine, ScoreInputError, scoreLine } from "./commands/score/score-lines.js";
export { type ScoreStreamOptions, scoreStream } from "./commands/score/score-stream.js";
