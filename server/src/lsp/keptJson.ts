/**
 * Messages written from JSON kept per item, so that a keystroke does not
 * convert and serialise a whole document's diagnostics (or symbols) again.
 * LSP wants the whole list for every version; on a file of a thousand cables
 * that is hundreds of kilobytes of JSON, of which a keystroke changes a few
 * entries. Each finding keeps its LSP diagnostic while its position is the
 * same (`DiagnosticsCache`; `symbolsCache.ts` does the same for symbols), each
 * item sent keeps its JSON text (in ASCII), and the connection's encoder
 * joins those texts.
 */
import type { ContentTypeEncoderOptions, Diagnostic as LspDiagnostic, Message, Range } from 'vscode-languageserver/node';
import { compactCopy, type Diagnostic, type LineIndex } from '../service';
import { toLspDiagnostic } from './convert';

/**
 * Where an LSP diagnostic keeps its JSON text, made once (they are never
 * changed after they are made): a hidden property, which JSON and the
 * protocol never see. A table of them would grow with every version sent.
 */
const JSON_TEXT = Symbol('json');
type Kept<T extends object = object> = T & { [JSON_TEXT]?: string };

function keep(d: object, json: string): void {
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
  private kept = new Map<Diagnostic, Kept<LspDiagnostic>>();

  convert(lines: LineIndex, diagnostics: readonly Diagnostic[]): LspDiagnostic[] {
    const now = new Map<Diagnostic, Kept<LspDiagnostic>>();
    const out = diagnostics.map((d) => {
      const known = this.kept.get(d);
      let lsp: Kept<LspDiagnostic>;
      if (!known) {
        lsp = toLspDiagnostic(lines, d);
      } else if (spanIsAt(lines, d.range, known.range)) {
        lsp = known;
      } else {
        const range: Range = { start: lines.positionAt(d.range.start), end: lines.positionAt(d.range.end) };
        lsp = { ...known, range };
        const json = known[JSON_TEXT];
        const before = rangeJson(known.range);
        if (json?.startsWith(before)) keep(lsp, rangeJson(range) + json.slice(before.length));
      }
      now.set(d, lsp);
      return lsp;
    });
    this.kept = now;
    return out;
  }
}

/** Whether `span` converts to `range` in `lines` (told without converting it: most kept ranges are checked and found unchanged). */
export function spanIsAt(lines: LineIndex, span: { start: number; end: number }, range: Range): boolean {
  return lines.positionIs(span.start, range.start) && lines.positionIs(span.end, range.end);
}

/** The start of an LSP diagnostic's JSON as `JSON.stringify` writes it (the range comes first). */
function rangeJson(r: Range): string {
  return `{"range":{"start":{"line":${r.start.line},"character":${r.start.character}},"end":{"line":${r.end.line},"character":${r.end.character}}}`;
}

/** Marks a list whose items keep their JSON: a response whose result it is is written from those texts. */
const KEPT_LIST = Symbol('kept list');

/** `items`, marked as a list whose items keep their JSON text once it is made (they must never be changed afterwards). */
export function keptList<T extends object>(items: T[]): T[] {
  Object.defineProperty(items, KEPT_LIST, { value: true, enumerable: false });
  return items;
}

function isKeptList(value: unknown): value is object[] {
  return Array.isArray(value) && (value as { [KEPT_LIST]?: boolean })[KEPT_LIST] === true;
}

function keptJson(d: Kept): string {
  let json = d[JSON_TEXT];
  if (json === undefined) {
    json = compactCopy(asciiJson(JSON.stringify(d)));
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

/**
 * The JSON of a message, in ASCII: a diagnostics notification from its
 * diagnostics' kept texts, a response whose result is a {@link keptList} from
 * its items' kept texts, anything else as `JSON.stringify` writes it.
 */
export function messageJson(msg: Message): string {
  const response = msg as Message & { id?: unknown; result?: unknown };
  if (isKeptList(response.result)) {
    const head = compactCopy(asciiJson(JSON.stringify({ jsonrpc: msg.jsonrpc, id: response.id })));
    return `${head.slice(0, -1)},"result":[${response.result.map(keptJson).join(',')}]}`;
  }
  if (!isPublish(msg)) return asciiJson(JSON.stringify(msg));
  const { diagnostics, ...rest } = msg.params;
  // `{"jsonrpc":…,"method":…,"params":{"uri":…,"version":…}}`, with the list spliced in before the two closing braces.
  const head = compactCopy(asciiJson(JSON.stringify({ jsonrpc: msg.jsonrpc, method: msg.method, params: rest })));
  const list = diagnostics.map(keptJson).join(',');
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
