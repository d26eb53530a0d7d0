export {
  createScriptedModel,
  type ScriptedModel,
  type ScriptedModelOptions,
  type ScriptedReply,
  toolCallReply,
} from "./scripted-model.js";
