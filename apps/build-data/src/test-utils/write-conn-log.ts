import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** One generated Zeek flow; unspecified fields get plausible values derived from `index`. */
export interface GeneratedFlow {
  label: "Malicious" | "Benign";
  family?: string;
  /** Overrides of Zeek columns by name (e.g. `{ service: "dns" }`). */
  fields?: Record<string, string>;
}

export interface WriteConnLogOptions {
  /** Source root; the log is written to `<root>/<scenario>/bro/conn.log.labeled`. */
  root: string;
  scenario: string;
  flows: readonly GeneratedFlow[];
}

const COLUMNS = [
  "ts",
  "uid",
  "id.orig_h",
  "id.orig_p",
  "id.resp_h",
  "id.resp_p",
  "proto",
  "service",
  "duration",
  "orig_bytes",
  "resp_bytes",
  "conn_state",
  "local_orig",
  "local_resp",
  "missed_bytes",
  "history",
  "orig_pkts",
  "orig_ip_bytes",
  "resp_pkts",
  "resp_ip_bytes",
];

function defaults(index: number, label: GeneratedFlow["label"]): Record<string, string> {
  const malicious = label === "Malicious";
  return {
    ts: (1545403816 + index).toFixed(6),
    uid: `CGen${String(index).padStart(8, "0")}`,
    "id.orig_h": `192.168.${1 + (index >> 16)}.${(index >> 8) & 255}`,
    "id.orig_p": String(1024 + (index % 60000)),
    "id.resp_h": `10.${(index >> 8) & 255}.${index & 255}.${malicious ? 1 : 2}`,
    "id.resp_p": malicious ? "23" : "53",
    proto: malicious ? "tcp" : "udp",
    service: malicious ? "-" : "dns",
    duration: malicious ? "3.139211" : (0.001 * (1 + (index % 97))).toFixed(6),
    orig_bytes: malicious ? "0" : String(40 + (index % 50)),
    resp_bytes: malicious ? "0" : String(80 + (index % 70)),
    conn_state: malicious ? "S0" : "SF",
    local_orig: "-",
    local_resp: "-",
    missed_bytes: "0",
    history: malicious ? "S" : "Dd",
    orig_pkts: malicious ? "3" : "1",
    orig_ip_bytes: malicious ? "180" : String(68 + (index % 50)),
    resp_pkts: malicious ? "0" : "1",
    resp_ip_bytes: malicious ? "0" : String(108 + (index % 70)),
  };
}

/** Write a small Zeek `conn.log.labeled` (IoT-23 layout) with distinct generated flows, for tests. */
export async function writeConnLog(options: WriteConnLogOptions): Promise<string> {
  const dir = join(options.root, options.scenario, "bro");
  await mkdir(dir, { recursive: true });
  const lines = [
    "#separator \\x09",
    "#set_separator\t,",
    "#empty_field\t(empty)",
    "#unset_field\t-",
    "#path\tconn",
    "#open\t2019-01-01-00-00-00",
    `#fields\t${COLUMNS.join("\t")}\ttunnel_parents   label   detailed-label`,
    `#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]   string   string`,
  ];
  options.flows.forEach((flow, index) => {
    const values = { ...defaults(index, flow.label), ...flow.fields };
    const family = flow.family ?? (flow.label === "Malicious" ? "PartOfAHorizontalPortScan" : "-");
    lines.push(`${COLUMNS.map((column) => values[column]).join("\t")}\t-   ${flow.label}   ${family}`);
  });
  const path = join(dir, "conn.log.labeled");
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

/** `count` generated flows of one label. */
export function flowsOf(label: GeneratedFlow["label"], count: number, family?: string): GeneratedFlow[] {
  return Array.from({ length: count }, () => ({ label, ...(family ? { family } : {}) }));
}
