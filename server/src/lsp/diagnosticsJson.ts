/**
 * Publishing a document's diagnostics at every keystroke without converting
 * and serialising all of them each time. LSP wants the whole list for every
 * version; on a file of a thousand cables that is hundreds of kilobytes of
 * JSON, of which a keystroke changes a few entries. Each finding keeps its
 * LSP diagnostic while its position is the same, and each LSP diagnostic
 * keeps its JSON text (in ASCII), which the connection's encoder joins.
 */
import type { ContentTypeEncoderOptions, Diagnostic as LspDiagnostic, Message, Range } from 'vscode-languageserver/node';
import type { Diagnostic, LineIndex } from '../service';
import { toLspDiagnostic } from './convert';

/**
 * Where an LSP diagnostic keeps its JSON text, made once (they are never
 * changed after they are made): a hidden property, which JSON and the
 * protocol never see. A table of them would grow with every version sent.
 */
const JSON_TEXT = Symbol('json');
type Kept = LspDiagnostic & { [JSON_TEXT]?: string };

function keep(d: LspDiagnostic, json: string): void {
  Object.defineProperty(d, JSON_TEXT, { value: json, enumerable: false });
}

/**
 * The LSP diagnostics of one document's findings, kept across versions while
 * a finding's position is unchanged. A finding that an edit above it moved is
 * the same object with another range: its position is worked out anew, and a
 * moved one gets a copy of its LSP diagnostic with the new range, whose JSON
 * is the old one's with the range written again.
 */
export class DiagnosticsCache {
  /** Those of the last version converted only: the findings of older versions are let go. */
  private kept = new Map<Diagnostic, Kept>();

  convert(lines: LineIndex, diagnostics: readonly Diagnostic[]): LspDiagnostic[] {
    const now = new Map<Diagnostic, Kept>();
    const out = diagnostics.map((d) => {
      const known = this.kept.get(d);
      let lsp: Kept;
      if (!known) {
        lsp = toLspDiagnostic(lines, d);
      } else {
        const range: Range = { start: lines.positionAt(d.range.start), end: lines.positionAt(d.range.end) };
        if (sameRange(known.range, range)) {
          lsp = known;
        } else {
          lsp = { ...known, range };
          const json = known[JSON_TEXT];
          const before = rangeJson(known.range);
          if (json?.startsWith(before)) keep(lsp, rangeJson(range) + json.slice(before.length));
        }
      }
      now.set(d, lsp);
      return lsp;
    });
    this.kept = now;
    return out;
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The start of an LSP diagnostic's JSON as `JSON.stringify` writes it (the range comes first). */
function rangeJson(r: Range): string {
  return `{"range":{"start":{"line":${r.start.line},"character":${r.start.character}},"end":{"line":${r.end.line},"character":${r.end.character}}}`;
}

function diagnosticJson(d: Kept): string {
  let json = d[JSON_TEXT];
  if (json === undefined) {
    json = oneByte(asciiJson(JSON.stringify(d)));
    // An object the server did not make may be frozen: its JSON is then made each time.
    if (Object.isExtensible(d)) keep(d, json);
  }
  return json;
}

interface PublishMessage {
  jsonrpc: string;
  method: 'textDocument/publishDiagnostics';
  params: { uri: string; version?: number; diagnostics: LspDiagnostic[] };
}

function isPublish(msg: Message): msg is Message & PublishMessage {
  const m = msg as Partial<PublishMessage>;
  return m.method === 'textDocument/publishDiagnostics' && Array.isArray(m.params?.diagnostics);
}

const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_ALL = /[\u007f-\uffff]/g;

/**
 * JSON with every character beyond ASCII written as a `\u` escape: the same
 * value, a few bytes longer, which the editor decodes and parses about a
 * third faster (a text of one-byte characters stays one in memory).
 */
function asciiJson(json: string): string {
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** The same ASCII text stored one byte a character (a string made from a text of wider characters is stored as wide), so that joining kept texts copies half as much. */
function oneByte(ascii: string): string {
  return Buffer.from(ascii, 'latin1').toString('latin1');
}

/** The JSON of a message, in ASCII: a diagnostics notification from its diagnostics' kept texts, anything else as `JSON.stringify` writes it. */
export function messageJson(msg: Message): string {
  if (!isPublish(msg)) return asciiJson(JSON.stringify(msg));
  const { diagnostics, ...rest } = msg.params;
  // `{"jsonrpc":…,"method":…,"params":{"uri":…,"version":…}}`, with the list spliced in before the two closing braces.
  const head = oneByte(asciiJson(JSON.stringify({ jsonrpc: msg.jsonrpc, method: msg.method, params: rest })));
  const list = diagnostics.map(diagnosticJson).join(',');
  return `${head.slice(0, -2)}${head.endsWith('{}}') ? '' : ','}"diagnostics":[${list}]}}`;
}

/** vscode-jsonrpc's JSON content encoder, writing messages with {@link messageJson}. */
export const jsonEncoder = {
  name: 'application/json',
  encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
    try {
      return Promise.resolve(Buffer.from(messageJson(msg), options.charset));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
