/**
 * Writes the project's own small fixtures under fixtures/build-data/ (deterministic; run from the repo
 * root with `node --import tsx apps/build-data/scripts/make-fixtures.ts`). Every format the readers
 * accept is covered, including attack rows CIC-IDS-2017's real sample lacks, and damaged lines.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const root = join(import.meta.dirname, "..", "..", "..", "fixtures", "build-data");

function write(path: string, content: string | Buffer): void {
  const target = join(root, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}

// --- IoT-23 Zeek conn.log.labeled (three-space label columns) ---
const zeekHeader = [
  "#separator \\x09",
  "#set_separator\t,",
  "#empty_field\t(empty)",
  "#unset_field\t-",
  "#path\tconn",
  "#open\t2019-01-01-00-00-00",
  "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents   label   detailed-label",
  "#types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]   string   string",
];
function zeekRow(index: number, fields: string[], label: string, detailed: string, spaces = true): string {
  const ts = (1545403816 + index).toFixed(6);
  const uid = `CFix${String(index).padStart(6, "0")}`;
  const tail = spaces ? `-   ${label}   ${detailed}` : `-\t${label}\t${detailed}`;
  return [ts, uid, ...fields, tail].join("\t");
}
const malicious = (port: number, index: number) => [
  "192.168.1.195",
  String(40000 + index),
  `185.244.25.${index % 250}`,
  String(port),
  "tcp",
  "-",
  "3.139211",
  "0",
  "0",
  "S0",
  "-",
  "-",
  "0",
  "S",
  "3",
  "180",
  "0",
  "0",
];
const benign = (index: number) => [
  "192.168.1.195",
  String(50000 + index),
  "192.168.1.1",
  "53",
  "udp",
  "dns",
  "0.047963",
  "34",
  String(300 + index),
  "SF",
  "-",
  "-",
  "0",
  "Dd",
  "1",
  "62",
  "1",
  String(328 + index),
];
const zeekRows: string[] = [];
for (let index = 0; index < 12; index++)
  zeekRows.push(zeekRow(index, malicious(23, index), "Malicious", "PartOfAHorizontalPortScan"));
for (let index = 12; index < 18; index++)
  zeekRows.push(zeekRow(index, malicious(6667, index), "Malicious", "C&C"));
for (let index = 18; index < 34; index++) zeekRows.push(zeekRow(index, benign(index), "Benign", "-"));
// IPv6 and ICMP rows.
zeekRows.push(
  zeekRow(
    34,
    [
      "fe80::1c2a:3bff:fe4d:5e6f",
      "143",
      "ff02::1",
      "0",
      "icmp",
      "-",
      "-",
      "-",
      "-",
      "OTH",
      "-",
      "-",
      "0",
      "-",
      "1",
      "72",
      "0",
      "0",
    ],
    "Benign",
    "-",
  ),
);
zeekRows.push(
  zeekRow(
    35,
    [
      "192.168.1.195",
      "8",
      "8.8.8.8",
      "0",
      "icmp",
      "-",
      "0.010000",
      "56",
      "56",
      "OTH",
      "-",
      "-",
      "0",
      "-",
      "1",
      "84",
      "1",
      "84",
    ],
    "Malicious",
    "C&C-HeartBeat",
  ),
);
// The same flow as row 18 with another ts/uid: a duplicate.
zeekRows.push(zeekRow(36, benign(18), "Benign", "-"));
// Damaged lines: too few fields, an unknown label, a port out of range, garbage.
zeekRows.push("1545403999.000000\tCBroken\t192.168.1.195\t41040");
zeekRows.push(zeekRow(37, benign(37), "Suspicious", "-"));
zeekRows.push(
  zeekRow(
    38,
    [
      "192.168.1.195",
      "70000",
      "1.2.3.4",
      "80",
      "tcp",
      "-",
      "-",
      "-",
      "-",
      "S0",
      "-",
      "-",
      "0",
      "S",
      "1",
      "60",
      "0",
      "0",
    ],
    "Malicious",
    "C&C",
  ),
);
zeekRows.push("\u00ff\u00fe garbage line without tabs");
write(
  "iot23/CTU-IoT-Malware-Capture-99-1/bro/conn.log.labeled",
  `${[...zeekHeader, ...zeekRows, "#close\t2019-01-01-01-00-00"].join("\n")}\n`,
);

// Tab-separated label columns, CRLF, lower-case benign, no #close and no final newline, gzipped.
const tabHeader = zeekHeader.map((line) =>
  line
    .replace("tunnel_parents   label   detailed-label", "tunnel_parents\tlabel\tdet_label")
    .replace("set[string]   string   string", "set[string]\tstring\tstring"),
);
const tabRows: string[] = [];
for (let index = 100; index < 110; index++) tabRows.push(zeekRow(index, benign(index), "benign", "-", false));
for (let index = 110; index < 116; index++)
  tabRows.push(zeekRow(index, malicious(80, index), "Malicious", "DDoS", false));
write(
  "iot23/CTU-IoT-Malware-Capture-98-1.conn.log.labeled.gz",
  gzipSync(Buffer.from([...tabHeader, ...tabRows].join("\r\n")), { level: 9 }),
);

// --- The Hub's preprocessed IoT-23 as CSV (no IP columns) ---
const hubColumns =
  "id.orig_p,id.resp_p,proto,service,duration,orig_bytes,resp_bytes,conn_state,missed_bytes,history,orig_pkts,orig_ip_bytes,resp_pkts,resp_ip_bytes,label";
const hubRows = [
  "41040,80,tcp,-,3.139211,0,0,S0,0,S,3,180,0,0,Malicious",
  "41041,23,tcp,,,,,S0,0,S,1,60,0,0,Malicious",
  "35145,53,udp,dns,0.047963,34,311,SF,0,Dd,1,62,1,339,Benign",
  "35146,123,udp,-,0.001,48,48,SF,0,Dd,1,76,1,76,benign",
  "35147,99999,udp,-,0.001,48,48,SF,0,Dd,1,76,1,76,Benign",
];
write("iot23-hub/iot23-preprocessed.csv", `${[hubColumns, ...hubRows].join("\n")}\n`);

// --- CIC-IDS-2017 MachineLearningCVE layout, with attack rows ---
const cicHeader =
  " Destination Port, Flow Duration, Total Fwd Packets, Total Backward Packets,Total Length of Fwd Packets, Total Length of Bwd Packets, Fwd Packet Length Max, Fwd Packet Length Min, Fwd Packet Length Mean, Fwd Packet Length Std,Bwd Packet Length Max, Bwd Packet Length Min, Bwd Packet Length Mean, Bwd Packet Length Std,Flow Bytes/s, Flow Packets/s, Flow IAT Mean, Flow IAT Std, Flow IAT Max, Flow IAT Min,Fwd IAT Total, Fwd IAT Mean, Fwd IAT Std, Fwd IAT Max, Fwd IAT Min,Bwd IAT Total, Bwd IAT Mean, Bwd IAT Std, Bwd IAT Max, Bwd IAT Min,Fwd PSH Flags, Bwd PSH Flags, Fwd URG Flags, Bwd URG Flags, Fwd Header Length, Bwd Header Length,Fwd Packets/s, Bwd Packets/s, Min Packet Length, Max Packet Length, Packet Length Mean, Packet Length Std, Packet Length Variance,FIN Flag Count, SYN Flag Count, RST Flag Count, PSH Flag Count, ACK Flag Count, URG Flag Count, CWE Flag Count, ECE Flag Count, Down/Up Ratio, Average Packet Size, Avg Fwd Segment Size, Avg Bwd Segment Size, Fwd Header Length,Fwd Avg Bytes/Bulk, Fwd Avg Packets/Bulk, Fwd Avg Bulk Rate, Bwd Avg Bytes/Bulk, Bwd Avg Packets/Bulk,Bwd Avg Bulk Rate,Subflow Fwd Packets, Subflow Fwd Bytes, Subflow Bwd Packets, Subflow Bwd Bytes,Init_Win_bytes_forward, Init_Win_bytes_backward, act_data_pkt_fwd, min_seg_size_forward,Active Mean, Active Std, Active Max, Active Min,Idle Mean, Idle Std, Idle Max, Idle Min, Label";
function cicFeatures(
  port: number,
  micros: string,
  fwd: number,
  bwd: number,
  fwdBytes: number,
  bwdBytes: number,
  rate = "1234.5",
): string[] {
  const rest = Array.from({ length: 72 }, (_, index) => (index === 9 ? rate : "0"));
  return [String(port), micros, String(fwd), String(bwd), String(fwdBytes), String(bwdBytes), ...rest];
}
const cicRows: string[] = [];
for (let index = 0; index < 8; index++)
  cicRows.push(
    [...cicFeatures(21, String(3_000_000 + index), 8, 6, 40 + index, 120), "FTP-Patator"].join(","),
  );
for (let index = 0; index < 6; index++)
  cicRows.push(
    [...cicFeatures(22, String(5_000_000 + index), 20, 18, 1800 + index, 2600), "SSH-Patator"].join(","),
  );
for (let index = 0; index < 10; index++)
  cicRows.push(
    [...cicFeatures(443, String(120_000 + index), 12, 10, 900 + index, 5400 + index), "BENIGN"].join(","),
  );
cicRows.push([...cicFeatures(53, "0", 2, 0, 12, 0, "Infinity"), "BENIGN"].join(",")); // Infinity in an unused rate: fine
cicRows.push([...cicFeatures(21, "NaN", 1, 0, 0, 0), "FTP-Patator"].join(",")); // NaN in a used field: skipped
cicRows.push([...cicFeatures(80, "-1", 1, 1, 0, 0), "BENIGN"].join(",")); // negative duration: skipped
cicRows.push([...cicFeatures(22, "4000000", 20, 18, 1800, 2600), "SSH-Patator - Attempted"].join(","));
cicRows.push("80,12,1,BENIGN"); // truncated line
write(
  "cic/MachineLearningCVE/Tuesday-WorkingHours.pcap_ISCX.csv",
  `${[cicHeader, ...cicRows].join("\r\n")}\r\n`,
);

// --- CIC-IDS-2017 TrafficLabelling layout (Flow ID, IPs, ports, protocol, timestamp) ---
const trafficHeader = `Flow ID, Source IP, Source Port, Destination IP,${cicHeader}`.replace(
  " Destination Port, Flow Duration",
  " Destination Port, Protocol, Timestamp, Flow Duration",
);
function trafficRow(
  index: number,
  destination: string,
  port: number,
  protocol: number,
  label: string | Buffer,
): Buffer {
  const features = cicFeatures(port, String(250_000 + index), 5, 4, 300 + index, 2000);
  const source = `172.16.0.${1 + (index % 3)}`;
  const cells = [
    `${destination}-${source}-${port}-${50000 + index}-${protocol}`,
    source,
    String(50000 + index),
    destination,
    String(port),
    String(protocol),
    `5/7/2017 ${1 + (index % 12)}:${String(index % 60).padStart(2, "0")}`,
    ...features.slice(1),
  ];
  return Buffer.concat([
    Buffer.from(`${cells.join(",")},`),
    typeof label === "string" ? Buffer.from(label) : label,
  ]);
}
const traffic: Buffer[] = [Buffer.from(trafficHeader)];
for (let index = 0; index < 6; index++) traffic.push(trafficRow(index, "192.168.10.50", 80, 6, "DoS Hulk"));
// Windows-1252 0x96 (en dash) inside the label, as in the original files.
for (let index = 6; index < 9; index++)
  traffic.push(
    trafficRow(
      index,
      "192.168.10.50",
      80,
      6,
      Buffer.from([...Buffer.from("Web Attack "), 0x96, ...Buffer.from(" Brute Force")]),
    ),
  );
for (let index = 9; index < 15; index++) traffic.push(trafficRow(index, "192.168.10.3", 53, 17, "BENIGN"));
write(
  "cic/TrafficLabelling/Wednesday-workingHours.pcap_ISCX.csv",
  Buffer.concat(traffic.flatMap((line) => [line, Buffer.from("\r\n")])),
);

// --- UNSW-NB15 raw part file: no header, 49 columns, hex ports, empty attack_cat = normal ---
function unswRaw(
  source: string,
  sport: string,
  destination: string,
  dport: string,
  proto: string,
  state: string,
  dur: string,
  sbytes: number,
  dbytes: number,
  service: string,
  spkts: number,
  dpkts: number,
  category: string,
  label: number,
): string {
  const middle1 = ["31", "29", "0", "0"]; // sttl dttl sloss dloss
  const middle2 = ["500473.9375", "621800.9375"]; // Sload Dload
  const tail1 = Array.from({ length: 10 }, () => "0"); // swin..Djit
  const times = ["1421927414", "1421927414"];
  const tail2 = Array.from({ length: 17 }, () => "0"); // Sintpkt..ct_dst_src_ltm
  return [
    source,
    sport,
    destination,
    dport,
    proto,
    state,
    dur,
    String(sbytes),
    String(dbytes),
    ...middle1,
    service,
    ...middle2,
    String(spkts),
    String(dpkts),
    ...tail1,
    ...times,
    ...tail2,
    category,
    String(label),
  ].join(",");
}
const unswRows = [
  unswRaw(
    "59.166.0.0",
    "1390",
    "149.171.126.6",
    "53",
    "udp",
    "CON",
    "0.001055",
    132,
    164,
    "dns",
    2,
    2,
    "",
    0,
  ),
  unswRaw(
    "59.166.0.0",
    "33661",
    "149.171.126.9",
    "1024",
    "udp",
    "CON",
    "0.036133",
    528,
    304,
    "-",
    4,
    4,
    "",
    0,
  ),
  unswRaw(
    "59.166.0.6",
    "0x000b",
    "149.171.126.7",
    "0x20cd",
    "tcp",
    "FIN",
    "0.5",
    1540,
    1644,
    "http",
    10,
    8,
    "",
    0,
  ),
  unswRaw(
    "175.45.176.3",
    "21223",
    "149.171.126.18",
    "32780",
    "udp",
    "INT",
    "0.000021",
    728,
    0,
    "-",
    2,
    0,
    " Fuzzers",
    1,
  ),
  unswRaw(
    "175.45.176.2",
    "23357",
    "149.171.126.16",
    "80",
    "tcp",
    "FIN",
    "0.240139",
    918,
    25552,
    "http",
    18,
    22,
    "Exploits",
    1,
  ),
  unswRaw(
    "175.45.176.0",
    "0x1f90",
    "149.171.126.10",
    "6881",
    "tcp",
    "FIN",
    "1.2",
    2000,
    200,
    "-",
    12,
    4,
    "Backdoors",
    1,
  ),
  unswRaw(
    "175.45.176.1",
    "1043",
    "149.171.126.14",
    "53",
    "udp",
    "INT",
    "0.000003",
    114,
    0,
    "dns",
    2,
    0,
    "Generic",
    1,
  ),
  unswRaw("175.45.176.1", "-", "149.171.126.14", "-", "arp", "INT", "0", 46, 0, "-", 1, 0, "", 0),
  // Damaged: label 0 with an attack category; a non-hex port; a short line.
  unswRaw(
    "175.45.176.1",
    "1044",
    "149.171.126.14",
    "53",
    "udp",
    "INT",
    "0.000003",
    114,
    0,
    "dns",
    2,
    0,
    "Exploits",
    0,
  ),
  unswRaw(
    "175.45.176.1",
    "0xZZ",
    "149.171.126.14",
    "53",
    "udp",
    "INT",
    "0.000003",
    114,
    0,
    "dns",
    2,
    0,
    "",
    0,
  ),
  "175.45.176.1,1045,149.171.126.14",
];
write("unsw/UNSW-NB15_1.csv", `${unswRows.join("\r\n")}\r\n`);
