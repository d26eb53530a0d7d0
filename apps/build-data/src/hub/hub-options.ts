/** How build-data talks to the Hugging Face Hub (injected so tests use a loopback server). */
export interface HubOptions {
  /** Hub base URL (default https://huggingface.co; `HF_ENDPOINT` in the CLI). */
  hubUrl?: string;
  /** `HF_TOKEN`; never logged or written. */
  accessToken?: string;
  /** Where downloads are cached. */
  cacheDir: string;
  fetch?: typeof fetch;
  /** `HF_HUB_OFFLINE`: fail at once instead of trying the network. */
  offline?: boolean;
}

/** The original's Hub copy of each dataset, used when a source is built but not given. */
export const DEFAULT_HUB_REPOS = {
  iot23: "19kmunz/iot-23-preprocessed",
  cic: "bvk/CICIDS-2017",
  unsw: "Mireu-Lab/UNSW-NB15",
} as const;
