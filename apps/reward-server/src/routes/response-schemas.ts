const number = { type: "number" } as const;

/** JSON schema of one `eval score` contract line, for Fastify's compiled serializer. */
export const scoreLineSchema = {
  type: "object",
  properties: {
    label: { type: ["string", "null"] },
    confidence: number,
    rewards: {
      type: "object",
      properties: { accuracy: number, format: number, calibration: number, asymmetric_cost: number },
      required: ["accuracy", "format", "calibration", "asymmetric_cost"],
    },
    reward: number,
  },
  required: ["label", "confidence", "rewards", "reward"],
} as const;

const numbers = { type: "array", items: number } as const;

/** `POST /v1/score` 200 body. */
export const scoreResponseSchema = {
  type: "object",
  properties: { results: { type: "array", items: scoreLineSchema } },
  required: ["results"],
} as const;

/** `POST /get_reward` 200 body (OpenRLHF's remote reward-model reply). */
export const getRewardResponseSchema = {
  type: "object",
  properties: {
    rewards: numbers,
    scores: numbers,
    extra_logs: {
      type: "object",
      properties: { accuracy: numbers, format: numbers, calibration: numbers, asymmetric_cost: numbers },
      required: ["accuracy", "format", "calibration", "asymmetric_cost"],
    },
  },
  required: ["rewards", "scores", "extra_logs"],
} as const;
