/**
 * `cablewright-ls`: the language server. It wires LSP requests to the
 * language service and does nothing else: documents are kept with
 * incremental sync, analysed once per version (cached), diagnostics are
 * pushed after a short debounce (or pulled, by clients that prefer it), and
 * work for a version that has been replaced is dropped.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, FIX_ALL_KIND, resolveFixAll, type FixAllData } from './lsp/codeActions';
import {
  encodeTokens,
  LEGEND,
  toCompletionItem,
  toFoldingRanges,
  toLspDiagnostic,
  toRange,
  toSelectionRange,
  toSymbols,
} from './lsp/convert';
import {
  analyze,
  cableAt,
  complete,
  extractRecords,
  foldingRanges,
  hover,
  outline,
  selectionSpans,
  semanticTokens,
  type Analysis,
  type OutlineNode,
  type ServiceOptions,
  type Severity,
} from './service';

/** What a user can set (VS Code settings `cablewright.*`, or `initializationOptions` in other editors). */
interface Settings {
  enable: boolean;
  rules: Record<string, Severity | 'off'>;
  debounceMs: number;
  assumeYear: number | undefined;
}

const DEFAULTS: Settings = { enable: true, rules: {}, debounceMs: 150, assumeYear: undefined };

function readSettings(raw: unknown, base: Settings): Settings {
  const r = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : base.enable,
    rules: r.rules && typeof r.rules === 'object' ? (r.rules as Settings['rules']) : base.rules,
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 ? r.debounceMs : base.debounceMs,
    assumeYear: typeof r.assumeYear === 'number' ? r.assumeYear : base.assumeYear,
  };
}

function lspDiagnostics(a: Analysis) {
  return a.diagnostics.map((d) => toLspDiagnostic(a.doc.lines, d));
}

/** What the server holds for one version of a document; the outline, symbols and LSP diagnostics are made when first asked for. */
interface Entry {
  version: number;
  analysis: Analysis;
  outline: OutlineNode[] | undefined;
  symbols: DocumentSymbol[] | undefined;
  diagnostics: Diagnostic[] | undefined;
}

/** Whether a document is a cable by its name, so a draft without a header yet is still read as one. */
function assumeCable(uri: string): boolean {
  return !/\.txt$/i.test(uri);
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings = DEFAULTS;
  let initOptions = DEFAULTS;
  let pushDiagnostics = true;
  let configurable = false;
  let resolveEdits = false;
  const cache = new Map<string, Entry>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const failed = new Set<string>();

  /** The service options for a document. */
  const optionsFor = (uri: string): ServiceOptions => ({ assumeCable: assumeCable(uri), rules: settings.rules, assumeYear: settings.assumeYear });

  /** What the server knows of a document's current version, computed once per version. */
  const entryOf = (doc: TextDocument): Entry => {
    const hit = cache.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    // The previous version's analysis and outline let the service redo only the cables the edits touched.
    const analysis = analyze(doc.getText(), optionsFor(doc.uri), hit?.analysis);
    // Once a client has asked for the outline, it is kept up to date with every version (a few cables at a time), as it will be asked again.
    const kept = hit?.outline && analysis.reuse ? outline(analysis.doc, { outline: hit.outline, reuse: analysis.reuse }) : undefined;
    const entry: Entry = { version: doc.version, analysis, outline: kept, symbols: undefined, diagnostics: undefined };
    cache.set(doc.uri, entry);
    return entry;
  };
  const analysisOf = (doc: TextDocument): Analysis => entryOf(doc).analysis;
  const diagnosticsOf = (doc: TextDocument): Diagnostic[] => {
    const e = entryOf(doc);
    return (e.diagnostics ??= lspDiagnostics(e.analysis));
  };
  const symbolsOf = (doc: TextDocument): DocumentSymbol[] => {
    const e = entryOf(doc);
    e.outline ??= outline(e.analysis.doc);
    return (e.symbols ??= toSymbols(e.analysis.doc.lines, e.outline));
  };

  /** Runs a handler; a failure is logged once per kind and answered with nothing, so the server keeps serving. */
  const guard = <T>(name: string, fallback: T, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (!failed.has(name)) {
        failed.add(name);
        connection.console.error(`cablewright: ${name} failed: ${(e as Error).stack ?? e}`);
      }
      return fallback;
    }
  };

  const publish = (uri: string) => {
    timers.delete(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const items = guard('diagnostics', [], () => (settings.enable ? diagnosticsOf(doc) : []));
    // A newer version arrived while this one was analysed: its own run will publish.
    if (documents.get(uri)?.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics: items });
  };

  const schedule = (uri: string) => {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    if (!pushDiagnostics) return;
    if (settings.debounceMs === 0) {
      publish(uri);
      return;
    }
    timers.set(uri, setTimeout(() => publish(uri), settings.debounceMs));
  };

  const loadConfiguration = async () => {
    if (!configurable) return;
    const raw = await connection.workspace.getConfiguration('cablewright').catch(() => undefined);
    settings = readSettings(raw, initOptions);
    cache.clear();
    for (const d of documents.all()) schedule(d.uri);
    if (!pushDiagnostics) connection.languages.diagnostics.refresh();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initOptions = readSettings(params.initializationOptions, DEFAULTS);
    settings = initOptions;
    // Clients that pull diagnostics get them only that way: pushing as well would show each twice.
    pushDiagnostics = !params.capabilities.textDocument?.diagnostic;
    resolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    configurable = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [' ', ',', '(', ':'] },
        hoverProvider: true,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: true },
        semanticTokensProvider: { legend: LEGEND, full: true, range: true },
        diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
      },
      serverInfo: { name: 'cablewright', version: CABLEWRIGHT_VERSION },
    };
  });

  connection.onInitialized(() => {
    void loadConfiguration();
  });
  connection.onDidChangeConfiguration((change) => {
    if (configurable) void loadConfiguration();
    else {
      settings = readSettings((change.settings as { cablewright?: unknown } | undefined)?.cablewright ?? change.settings, initOptions);
      cache.clear();
      for (const d of documents.all()) schedule(d.uri);
    }
  });

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    if (pushDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    const items = doc && settings.enable ? guard('diagnostics', [], () => diagnosticsOf(doc)) : [];
    return { kind: 'full', items };
  });

  connection.onCompletion((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || token.isCancellationRequested) return [];
    return guard('completion', [], () => {
      const { doc: parsed } = analysisOf(doc);
      const offset = parsed.lines.offsetAt(params.position.line, params.position.character);
      return complete(parsed, offset, { assumeYear: settings.assumeYear }).map((c) => toCompletionItem(parsed.lines, c));
    });
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return guard('hover', null, () => {
      const a = analysisOf(doc);
      const offset = a.doc.lines.offsetAt(params.position.line, params.position.character);
      const h = hover(a.doc, offset, { assumeYear: settings.assumeYear, diagnostics: settings.enable ? a.diagnostics : [] });
      return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: toRange(a.doc.lines, h.range) } : null;
    });
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return guard('symbols', [], () => {
      return symbolsOf(doc);
    });
  });

  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc ? guard('folding', [], () => toFoldingRanges(foldingRanges(analysisOf(doc).doc))) : [];
  });

  connection.onSelectionRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return guard('selection', [], () => {
      const { doc: parsed } = analysisOf(doc);
      const nodes = outline(parsed);
      return params.positions.map((p) => toSelectionRange(parsed.lines, selectionSpans(parsed, parsed.lines.offsetAt(p.line, p.character), nodes)));
    });
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !settings.enable) return [];
    return guard('code actions', [], () => {
      const a = analysisOf(doc);
      const lines = a.doc.lines;
      const range = { start: lines.offsetAt(params.range.start.line, params.range.start.character), end: lines.offsetAt(params.range.end.line, params.range.end.character) };
      return codeActions(doc.uri, doc.version, a, optionsFor(doc.uri), range, params.context.only, resolveEdits);
    });
  });
  connection.onCodeActionResolve((action) => {
    const data = action.data as FixAllData | undefined;
    const doc = data && documents.get(data.uri);
    // An action for a version that has been replaced would apply its edit to the wrong text: it resolves to nothing.
    if (!doc || doc.version !== data.version) return action;
    return guard('code action resolve', action, () => resolveFixAll(action, analysisOf(doc), optionsFor(doc.uri)));
  });

  connection.languages.semanticTokens.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    return guard('semantic tokens', { data: [] }, () => {
      const { doc: parsed } = analysisOf(doc);
      return { data: encodeTokens(parsed.lines, semanticTokens(parsed, { assumeYear: settings.assumeYear })) };
    });
  });
  connection.languages.semanticTokens.onRange((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    return guard('semantic tokens', { data: [] }, () => {
      const { doc: parsed } = analysisOf(doc);
      const l = parsed.lines;
      const within = { start: l.offsetAt(params.range.start.line, params.range.start.character), end: l.offsetAt(params.range.end.line, params.range.end.character) };
      return { data: encodeTokens(l, semanticTokens(parsed, { assumeYear: settings.assumeYear }), within) };
    });
  });

  /**
   * The cable at a position (the status bar, "Show cable metadata"): its
   * extract record, and its banner (level and classification caveats, as
   * `SECRET//NOFORN`). Release stamps and text around a cable are in none.
   */
  connection.onRequest('cablewright/cableAt', (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return guard('cableAt', null, () => {
      const { doc: parsed } = analysisOf(doc);
      const cable = cableAt(parsed, parsed.lines.offsetAt(params.position.line, params.position.character));
      if (!cable || params.position.line < cable.startLine || params.position.line > cable.endLine) return null;
      const caveats = cable.classification?.caveats ?? [];
      return { record: extractRecords(parsed, doc.uri)[cable.index], banner: cable.level ? [cable.level, ...caveats].join('//') : null };
    });
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  if (process.argv.includes('--version')) {
    process.stdout.write(`${CABLEWRIGHT_VERSION}\n`);
  } else {
    startServer(createConnection(ProposedFeatures.all));
  }
}
