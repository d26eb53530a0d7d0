/** Field-mapping tables (Markdown), shared by the data card and the README. */
export const MAPPING_TABLES = `### IoT-23 (Zeek \`conn.log.labeled\`, plain or .gz)

Every canonical field is the Zeek column of the same name, found by the \`#fields\` header (\`-\` = unset).
\`ts\`/\`uid\` are read but not shown (a timestamp identifies a capture, not behaviour). The label columns
(\`tunnel_parents   label   detailed-label\` in one tab column, or three tab columns with \`det_label\`) are
split on any whitespace; \`label\` is matched case-insensitively (\`benign\` = \`Benign\`); \`detailed-label\`
becomes \`meta.attack_family\` (\`NA\` for benign rows, \`unknown\` for malicious rows without one). The scenario
is the \`CTU-…-Capture-N-M\` name in the file's path. The Hub's preprocessed copy has the same names but no IP
columns (\`id.orig_h\`/\`id.resp_h\` = \`-\`) and no detailed label.

### CIC-IDS-2017 (MachineLearningCVE and TrafficLabelling CSV, Hub copy)

| canonical | CIC column | conversion |
| --- | --- | --- |
| id.orig_h / id.resp_h | Source IP / Destination IP | TrafficLabelling only; else \`-\` |
| id.orig_p | Source Port | TrafficLabelling only; else \`-\` |
| id.resp_p | Destination Port | integer 0–65535 |
| proto | Protocol | 6→tcp, 17→udp, 1/58→icmp, other→unknown_transport; MachineLearningCVE: \`-\` |
| duration | Flow Duration | microseconds ÷ 10⁶ → seconds |
| orig_bytes / resp_bytes | Total Length of Fwd / Bwd Packets | byte totals (never \`Flow Bytes/s\`, a rate) |
| orig_pkts / resp_pkts | Total Fwd Packets / Total Backward Packets | |
| service, conn_state, history, missed_bytes, *_ip_bytes | — | \`-\` (no equivalent) |

Column names are matched trimmed and case-insensitively; of the duplicated \` Fwd Header Length\` the first
wins (it is not used). \`Infinity\`/\`NaN\` occur in rate columns, which are not used; a used column that is
\`NaN\`, \`Infinity\` or negative (e.g. Flow Duration -1) skips the row as \`invalid value\`. \`BENIGN\` →
Benign; any other label → Malicious with the label as \`meta.attack_family\` (non-ASCII bytes such as
Windows-1252 \`\\x96\` become \`-\`). The TrafficLabelling Timestamp goes to \`meta.timestamp\` only.

**"- Attempted" labels** (the corrected re-release, e.g. \`DoS Hulk - Attempted\`): flows of an attack
attempt that did not reach its goal; they often look like benign traffic. By default they are EXCLUDED
(counted as \`attempted attack (excluded by policy)\`), so neither label is wrong; \`--cic-attempted
malicious|benign\` keeps them with that label and the full label as family.

### UNSW-NB15 (training/testing set CSV, raw part files \`UNSW-NB15_1..4.csv\`)

| canonical | UNSW column | conversion |
| --- | --- | --- |
| id.orig_h / id.resp_h | srcip / dstip | raw files only |
| id.orig_p / id.resp_p | sport / dsport | raw files only; hex (\`0x000b\`) accepted; \`-\` unset |
| proto | proto | lower-case |
| service | service | \`-\` = unset |
| duration | dur | seconds |
| orig_pkts / resp_pkts | spkts / dpkts | |
| orig_ip_bytes / resp_ip_bytes | sbytes / dbytes | Argus counts include headers, so IP bytes |
| orig_bytes, resp_bytes, conn_state, history, missed_bytes | — | \`-\` (Argus \`state\` is not Zeek's conn_state) |

\`label\` (0/1) decides the answer; \`attack_cat\` (trimmed; empty or \`Normal\` = normal; \`Backdoors\` →
\`Backdoor\`) becomes \`meta.attack_family\`. A row whose \`attack_cat\` contradicts \`label\` is skipped. Raw part
files are recognised by having no header (49 cells, first an IP address), in \`NUSW-NB15_features.csv\` order.
`;
