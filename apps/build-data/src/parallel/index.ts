export { type FileSampleJob, type FileSampleResult, readFileSample } from "./read-file-sample.js";
export { type SampleFilesOptions, sampleFiles } from "./sample-files.js";
