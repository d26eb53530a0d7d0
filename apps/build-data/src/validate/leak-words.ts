/** Words that name a label or its synonyms; a question must never show them. */
export const LABEL_WORDS = ["malicious", "benign", "label", "attack", "normal", "anomaly", "anomalous"];

/**
 * Attack families of the three sources as their labels spell them (IoT-23 detailed labels, CIC-IDS-2017
 * labels, UNSW-NB15 `attack_cat`). `validate` adds the families found in the build's own `meta`.
 */
export const KNOWN_FAMILIES = [
  "PartOfAHorizontalPortScan",
  "Okiru",
  "Okiru-Attack",
  "C&C",
  "C&C-HeartBeat",
  "C&C-FileDownload",
  "C&C-Torii",
  "C&C-Mirai",
  "C&C-HeartBeat-Attack",
  "C&C-HeartBeat-FileDownload",
  "C&C-PartOfAHorizontalPortScan",
  "DDoS",
  "FileDownload",
  "Torii",
  "Mirai",
  "Bot",
  "DoS",
  "DoS GoldenEye",
  "DoS Hulk",
  "DoS Slowhttptest",
  "DoS slowloris",
  "FTP-Patator",
  "SSH-Patator",
  "Heartbleed",
  "Infiltration",
  "PortScan",
  "Brute Force",
  "XSS",
  "Sql Injection",
  "Analysis",
  "Backdoor",
  "Backdoors",
  "Exploits",
  "Fuzzers",
  "Generic",
  "Reconnaissance",
  "Shellcode",
  "Worms",
];

/** Family names that mean "no family" and may appear as ordinary values. */
const NOT_A_FAMILY = new Set(["", "-", "na", "unknown", "none"]);

/** A matcher for label and family words inside one field value. */
export interface LeakMatcher {
  /** The word a value gives away, if any. */
  find(value: string): string | undefined;
}

/**
 * Build a matcher: a value leaks when it, or one of its tokens (split on anything but letters, digits and
 * `&`), equals a label or family word, or when it contains a family name of six or more characters.
 */
export function createLeakMatcher(families: Iterable<string>): LeakMatcher {
  const words = new Map<string, string>();
  for (const word of [...KNOWN_FAMILIES, ...families]) {
    const key = word.trim().toLowerCase();
    if (!NOT_A_FAMILY.has(key)) words.set(key, word.trim());
  }
  for (const word of LABEL_WORDS) words.set(word, word);
  const long = [...words.entries()].filter(([key]) => key.length >= 6);
  return {
    find(value) {
      const lower = value.toLowerCase();
      const whole = words.get(lower);
      if (whole !== undefined) return whole;
      for (const token of lower.split(/[^a-z0-9&]+/)) {
        const word = words.get(token);
        if (word !== undefined) return word;
      }
      for (const [key, word] of long) if (lower.includes(key)) return word;
      return undefined;
    },
  };
}
