import type { FlowIndex, IndexedFlow } from "@sv/dataset";
import { z } from "zod";
import type { ToolCall, ToolDefinition } from "../model/chat-model.js";

/** Names of the tools the multi-turn environment offers. */
export const FLOW_TOOL_NAMES = {
  recentFlowsOfHost: "recent_flows_of_host",
  flowsToResponder: "flows_to_responder",
} as const;

/** Default and largest number of flows one tool answer holds. */
export const DEFAULT_TOOL_LIMIT = 10;
export const MAX_TOOL_LIMIT = 50;

const limitProperty = {
  type: "integer",
  minimum: 1,
  maximum: MAX_TOOL_LIMIT,
  description: `Most flows to return, newest first (default ${DEFAULT_TOOL_LIMIT}).`,
};

/** The tools as the model sees them (OpenAI function definitions). */
export const FLOW_TOOLS: readonly ToolDefinition[] = [
  {
    name: FLOW_TOOL_NAMES.recentFlowsOfHost,
    description:
      "Flows the given host originated (id.orig_h) in the same capture before the flow under review, newest first.",
    parameters: {
      type: "object",
      properties: {
        host: { type: "string", description: "Originator IP address, e.g. the flow's id.orig_h." },
        limit: limitProperty,
      },
      required: ["host"],
      additionalProperties: false,
    },
  },
  {
    name: FLOW_TOOL_NAMES.flowsToResponder,
    description:
      "Flows to a responder address (id.resp_h) and/or port (id.resp_p) in the same capture before the flow under review, newest first. Give an address, a port or both.",
    parameters: {
      type: "object",
      properties: {
        address: { type: "string", description: "Responder IP address." },
        port: { type: "integer", minimum: 0, maximum: 65535, description: "Responder port." },
        limit: limitProperty,
      },
      additionalProperties: false,
    },
  },
];

const limit = z.number().int().min(1).max(MAX_TOOL_LIMIT).optional();
const hostArguments = z.object({ host: z.string().min(1), limit }).strict();
const responderArguments = z
  .object({
    address: z.string().min(1).optional(),
    port: z.number().int().min(0).max(65535).optional(),
    limit,
  })
  .strict()
  .refine((value) => value.address !== undefined || value.port !== undefined, {
    message: "give an address, a port or both",
  });

/**
 * Where the classified flow sits: tools answer only from its capture, strictly before its time, and
 * not before `from` when the row gives one (`meta.look_back_from`: the end of the previous split's time
 * block, so a dev or test row's tools never show a flow of another split).
 */
export interface FlowToolScope {
  capture: string;
  before: number;
  from?: number;
  excludeHash: string;
}

/** A tool's answer: the `tool` message text, and whether the call failed. */
export interface ToolAnswer {
  ok: boolean;
  content: string;
}

export interface AnswerFlowToolOptions {
  call: ToolCall;
  index: FlowIndex;
  scope: FlowToolScope;
}

function listFlows(flows: IndexedFlow[], what: string): string {
  if (flows.length === 0) return `No earlier flows ${what} in this capture.`;
  const lines = flows.map((flow) => flow.text);
  return `${flows.length} earlier flow(s) ${what}, newest first:\n${lines.join("\n")}`;
}

function error(message: string): ToolAnswer {
  return { ok: false, content: `error: ${message}` };
}

function readArguments<T>(schema: z.ZodType<T>, text: string): { value: T } | { error: string } {
  let value: unknown;
  try {
    value = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { error: `arguments are not valid JSON: ${JSON.stringify(text.slice(0, 80))}` };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) =>
      issue.code === "unrecognized_keys"
        ? `unknown argument(s) ${issue.keys.join(", ")}`
        : `${issue.path.join(".") || "arguments"}: ${issue.message}`,
    );
    return { error: `invalid arguments: ${issues.join("; ")}` };
  }
  return { value: parsed.data };
}

/**
 * Answer one tool call from the flow index, inside the classified flow's scope (same capture, strictly
 * earlier, never the flow itself). An unknown tool or bad arguments come back as an error answer for the
 * model to read, never as a thrown error.
 */
export function answerFlowTool(options: AnswerFlowToolOptions): ToolAnswer {
  const { call, index, scope } = options;
  if (call.name === FLOW_TOOL_NAMES.recentFlowsOfHost) {
    const read = readArguments(hostArguments, call.arguments);
    if ("error" in read) return error(read.error);
    const { host, limit: wanted } = read.value;
    const flows = index.recentFlowsOfHost({ ...scope, host, limit: wanted ?? DEFAULT_TOOL_LIMIT });
    return { ok: true, content: listFlows(flows, `from host ${host}`) };
  }
  if (call.name === FLOW_TOOL_NAMES.flowsToResponder) {
    const read = readArguments(responderArguments, call.arguments);
    if ("error" in read) return error(read.error);
    const { address, port, limit: wanted } = read.value;
    const flows = index.flowsToResponder({ ...scope, address, port, limit: wanted ?? DEFAULT_TOOL_LIMIT });
    const target = [address, port === undefined ? undefined : `port ${port}`].filter(Boolean).join(" ");
    return { ok: true, content: listFlows(flows, `to ${target}`) };
  }
  const known = FLOW_TOOLS.map((tool) => tool.name).join(", ");
  return error(`unknown tool ${JSON.stringify(call.name)} (known: ${known})`);
}
