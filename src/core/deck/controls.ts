/**
 * What a terminal would act on instead of showing: C0 controls but tab and newline (escape sequences,
 * a carriage return that overwrites the line), DEL, C1 controls (U+009B starts a sequence too), and the
 * bidirectional embeddings, overrides and isolates that make text read other than it is stored. And what it
 * shows as nothing, so that two names that differ look the same: the zero-width space, the word joiner and the
 * invisible operators (U+2060–U+2064), and a zero-width no-break space (U+FEFF) inside the text. The zero-width
 * joiner and non-joiner stay: emoji sequences and several scripts are written with them.
 */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with every terminal control written as a `\uXXXX` escape. The escape is JSON's own, so JSON and
 * SARIF output stay valid and parse back to the same strings (JSON.stringify escapes C0 controls but
 * leaves DEL, C1 and bidirectional controls as they are).
 */
export function escapeControls(text: string): string {
  return text.replace(TERMINAL_CONTROLS, escape);
}

/** Line breaks: a newline, a carriage return, and Unicode's line and paragraph separators. */
const LINE_BREAKS = /[\n\r\u2028\u2029]/g;

/**
 * `text` as one line: its line breaks written as `\u000a`-style escapes. For a line of output made of a value from a
 * document — a front matter string, a file's name — so that the value cannot print a line of its own (a forged
 * finding, a "0 findings" summary) in output read line by line. `escapeControls` keeps newlines, which output
 * made of several lines needs.
 */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, escape);
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
