/** One field of a protobuf message as it is on the wire. */
export type WireField =
  | { field: number; type: "varint"; value: bigint }
  | { field: number; type: "fixed64"; value: Buffer }
  | { field: number; type: "bytes"; value: Buffer }
  | { field: number; type: "fixed32"; value: Buffer };

function readVarint(buffer: Buffer, offset: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  let position = offset;
  while (true) {
    if (position >= buffer.length) throw new Error(`truncated varint at byte ${offset}`);
    const byte = buffer[position++]!;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, position];
    shift += 7n;
    if (shift > 63n) throw new Error(`varint longer than 10 bytes at byte ${offset}`);
  }
}

function take(buffer: Buffer, offset: number, length: number): Buffer {
  if (offset + length > buffer.length)
    throw new Error(`field of ${length} bytes runs past the end at ${offset}`);
  return buffer.subarray(offset, offset + length);
}

/**
 * Split a protobuf message into its fields (wire format only: the schema is the caller's). Throws on a
 * truncated or malformed message, so a test never reads garbage as spans.
 */
export function readWireFields(buffer: Buffer): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    const [key, afterKey] = readVarint(buffer, offset);
    const field = Number(key >> 3n);
    const wireType = Number(key & 7n);
    offset = afterKey;
    if (wireType === 0) {
      const [value, next] = readVarint(buffer, offset);
      fields.push({ field, type: "varint", value });
      offset = next;
    } else if (wireType === 1) {
      fields.push({ field, type: "fixed64", value: take(buffer, offset, 8) });
      offset += 8;
    } else if (wireType === 2) {
      const [length, next] = readVarint(buffer, offset);
      fields.push({ field, type: "bytes", value: take(buffer, next, Number(length)) });
      offset = next + Number(length);
    } else if (wireType === 5) {
      fields.push({ field, type: "fixed32", value: take(buffer, offset, 4) });
      offset += 4;
    } else {
      throw new Error(`unsupported wire type ${wireType} of field ${field} at byte ${offset}`);
    }
  }
  return fields;
}
