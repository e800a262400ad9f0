/**
 * What a terminal would act on instead of showing: C0 controls but tab and newline (escape sequences,
 * a carriage return that overwrites the line), DEL, C1 controls (U+009B starts a sequence too), and the
 * bidirectional embeddings, overrides and isolates that make text read other than it is stored. And what it
 * shows as nothing, so that two names that differ look the same: the zero-width space, the word joiner and the
 * invisible operators (U+2060–U+2064), and a zero-width no-break space (U+FEFF) inside the text. The zero-width
 * joiner and non-joiner stay: emoji sequences and several scripts are written with them.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * `text` with every terminal control written as a `\uXXXX` escape. The escape is JSON's own, so JSON and
 * SARIF output stay valid and parse back to the same strings (JSON.stringify escapes C0 controls but
 * leaves DEL, C1 and bidirectional controls as they are).
 */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Longest name `quoteName` shows whole. */
const SHOWN_NAME_MAX = 200;

/**
 * A name from outside (a path an agent sent, a folder's name) as one line to show a person or a model: a JSON
 * string (newlines and quotes escaped), terminal controls escaped, cut to 200 characters with "…".
 */
export function quoteName(name: string): string {
  const cut = name.length > SHOWN_NAME_MAX ? `${name.slice(0, SHOWN_NAME_MAX)}…` : name;
  return escapeControls(JSON.stringify(cut));
}
