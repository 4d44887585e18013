import type { MessageKey } from "./translate";

/** Client-safe check that a string has the shape of a catalogue key (group.name). */
export function isMessageKeyLike(value: string): value is MessageKey {
  return /^[a-zA-Z]+(\.[a-zA-Z0-9_]+)+$/.test(value);
}
