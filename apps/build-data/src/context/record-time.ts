/**
 * Start time in seconds of a CIC-IDS-2017 TrafficLabelling `Timestamp` (`D/M/YYYY H:MM`, optional
 * `:SS` and `AM`/`PM`, read as UTC). Undefined when it is not such a timestamp. The files give minutes
 * (some seconds), and the afternoon files of some days write a 12-hour clock without AM/PM, so a
 * window shorter than a minute, or one crossing 12:59 → 1:00 in such a file, sees fewer flows.
 */
export function cicTimestampSeconds(text: string): number | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$/.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, day, month, year, hourText, minute, second, meridiem] = match;
  let hour = Number(hourText);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem.toLowerCase() === "pm" ? 12 : 0);
  }
  const milliseconds = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    hour,
    Number(minute),
    Number(second ?? 0),
  );
  return Number.isFinite(milliseconds) && hour < 24 && Number(minute) < 60 ? milliseconds / 1000 : undefined;
}

/** A non-negative number of seconds (Zeek `ts`, UNSW `stime`), undefined otherwise. */
export function epochSeconds(text: string | undefined): number | undefined {
  if (text === undefined || text === "" || text === "-") return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The start time of a mapped CSV record from the provenance its mapper keeps (`timestamp` for CIC
 * TrafficLabelling, `stime` for UNSW-NB15 raw parts); undefined for formats without one.
 */
export function recordStartSeconds(extra: Record<string, string | number> | undefined): number | undefined {
  if (extra === undefined) return undefined;
  if (extra.stime !== undefined) return epochSeconds(String(extra.stime));
  if (extra.timestamp !== undefined) return cicTimestampSeconds(String(extra.timestamp));
  return undefined;
}

const DIGIT_0 = 0x30;
const DOT = 0x2e;

/**
 * {@link epochSeconds} of the bytes `[start, end)` of a buffer (a Zeek `ts`), without making a string:
 * `digits[.digits]` is read as one exact integer over a power of ten, which IEEE division rounds
 * exactly as `Number(text)` does; anything else (or more digits than that is exact for) goes through
 * `epochSeconds`.
 */
export function epochSecondsOfBytes(buffer: Buffer, start: number, end: number): number | undefined {
  let scaled = 0;
  let digits = 0;
  let fraction = -1;
  for (let position = start; position < end; position++) {
    const byte = buffer[position]!;
    if (byte === DOT && fraction < 0) {
      fraction = 0;
      continue;
    }
    const digit = byte - DIGIT_0;
    if (digit < 0 || digit > 9 || digits >= 16) return epochSeconds(buffer.toString("latin1", start, end));
    scaled = scaled * 10 + digit;
    digits++;
    if (fraction >= 0) fraction++;
  }
  if (digits === 0 || fraction === 0 || scaled > Number.MAX_SAFE_INTEGER)
    return epochSeconds(buffer.toString("latin1", start, end));
  return fraction > 0 ? scaled / 10 ** fraction : scaled;
}
