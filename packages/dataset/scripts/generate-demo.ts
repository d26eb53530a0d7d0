// Writes the bundled demo set: node --conditions=@sv/source --import tsx packages/dataset/scripts/generate-demo.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_FILE, DEMO_SEED, generateDemoRows, rowsToJsonl } from "@sv/dataset";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const target = join(root, DEMO_FILE);
const rows = generateDemoRows();
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, rowsToJsonl(rows));
const malicious = rows.filter((row) => row.answer === "Malicious").length;
process.stdout.write(
  `wrote ${DEMO_FILE}: ${rows.length} rows (${malicious} Malicious, ${rows.length - malicious} Benign), seed ${DEMO_SEED}\n`,
);
