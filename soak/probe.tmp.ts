import { timeRatio } from "@sv/test-utils";
import { parse } from "@sv/parser";
import { stressReplies } from "./reply-generator.js";
const out = [];
for (let k = 0; k < 8; k++) {
  const m = timeRatio({ build: (s) => stressReplies(s)[7]!, run: (r) => void parse(r), size: 1 << 20 });
  out.push(m.ratio.toFixed(2));
}
console.log(out.join(" "));
