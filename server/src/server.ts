/**
 * `cablewright-ls`: the language server. It wires LSP requests to the
 * language service and does nothing else: documents are kept with
 * incremental sync, analysed once per version (cached), diagnostics are
 * pushed after a short debounce (or pulled, by clients that prefer it), and
 * work for a version that has been replaced is dropped.
 */
import { describeConfig, nodeConfigHost, type ConfigProblem, type EditorSettings } from './config';
import { CONFIG_GLOBS, pathOfUri, WorkspaceConfig } from './lsp/workspaceConfig';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type Diagnostic,
  type Disposable,
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
  renumberParagraphs,
  selectionSpans,
  semanticTokens,
  type Analysis,
  type OutlineNode,
  type ServiceOptions,
} from './service';

/** What a user can set (VS Code settings `cablewright.*`, or `initializationOptions` in other editors). */
interface Settings {
  enable: boolean;
  debounceMs: number;
  /** What configures checking, under the configuration files nearest each document. */
  checking: EditorSettings;
}

const DEFAULTS: Settings = { enable: true, debounceMs: 150, checking: {} };

function readSettings(raw: unknown, base: Settings): Settings {
  const r = (raw ?? {}) as Record<string, unknown>;
  const checking: EditorSettings = { ...base.checking };
  if (r.rules && typeof r.rules === 'object') checking.rules = r.rules as Record<string, unknown>;
  if (typeof r.preset === 'string') checking.preset = r.preset as EditorSettings['preset'];
  if (typeof r.assumeYear === 'number' || r.assumeYear === null) checking.assumeYear = r.assumeYear;
  return {
    enable: typeof r.enable === 'boolean' ? r.enable : base.enable,
    debounceMs: typeof r.debounceMs === 'number' && r.debounceMs >= 0 ? r.debounceMs : base.debounceMs,
    checking,
  };
}

/** A configuration problem as a diagnostic on its file. */
function toConfigDiagnostic(p: ConfigProblem): Diagnostic {
  return {
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    severity: p.severity === 'error' ? 1 : 2,
    source: 'cablewright',
    message: p.message,
  };
}

function lspDiagnostics(a: Analysis) {
  return a.diagnostics.map((d) => toLspDiagnostic(a.doc.lines, d));
}

/** The server command behind "Renumber paragraphs": arguments the document URI and a position in the cable. */
const RENUMBER_COMMAND = 'cablewright.server.renumberParagraphs';

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
  let watchDynamically = false;
  const config = new WorkspaceConfig(nodeConfigHost, DEFAULTS.checking);
  const cache = new Map<string, Entry>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const failed = new Set<string>();

  /** The service options for a document. */
  const optionsFor = (uri: string): ServiceOptions => ({ ...config.resolve(uri).options, assumeCable: assumeCable(uri) });

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

  /** Everything is checked again: settings or a configuration file changed. */
  const recheckAll = () => {
    cache.clear();
    for (const d of documents.all()) schedule(d.uri);
    if (!pushDiagnostics) connection.languages.diagnostics.refresh();
    publishConfigProblems();
  };

  const applySettings = (next: Settings) => {
    settings = next;
    config.setSettings(settings.checking);
    recheckAll();
  };

  const loadConfiguration = async () => {
    if (!configurable) return;
    const raw = await connection.workspace.getConfiguration('cablewright').catch(() => undefined);
    applySettings(readSettings(raw, initOptions));
  };

  /** Configuration files with problems shown on them, so they can be cleared once fixed. */
  let shownConfigProblems = new Set<string>();
  let settingsIssues = '';
  /** Shows the problems of the configuration files that apply to the open documents on those files. */
  const publishConfigProblems = () =>
    guard('configuration problems', undefined, () => {
      const { byFile, settings: issues } = config.problemsOf(documents.keys());
      for (const [uri, problems] of byFile) {
        if (problems.length === 0 && !shownConfigProblems.has(uri)) continue;
        void connection.sendDiagnostics({ uri, diagnostics: problems.map(toConfigDiagnostic) });
      }
      for (const uri of shownConfigProblems) if (!byFile.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      shownConfigProblems = new Set([...byFile].filter(([, p]) => p.length > 0).map(([uri]) => uri));
      const text = issues.map((p) => p.message).join('; ');
      if (text && text !== settingsIssues) void connection.window.showWarningMessage(`cablewright settings: ${text}`);
      settingsIssues = text;
      if (watchDynamically) void watchTables();
    });

  /** The table files watched (configurations can name more at any time: the watch is then replaced). */
  let watchedTables = '';
  let tableWatch: Promise<Disposable> | undefined;
  const watchTables = async () => {
    const tables = config.tableFiles().sort();
    if (tables.join('\n') === watchedTables) return;
    watchedTables = tables.join('\n');
    const previous = tableWatch;
    tableWatch = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: tables.map((t) => ({ globPattern: t })) });
    (await previous)?.dispose();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    initOptions = readSettings(params.initializationOptions, DEFAULTS);
    settings = initOptions;
    // Clients that pull diagnostics get them only that way: pushing as well would show each twice.
    pushDiagnostics = !params.capabilities.textDocument?.diagnostic;
    resolveEdits = !!params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
    configurable = !!params.capabilities.workspace?.configuration;
    watchDynamically = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    config.setSettings(settings.checking);
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
        executeCommandProvider: { commands: [RENUMBER_COMMAND] },
      },
      serverInfo: { name: 'cablewright', version: CABLEWRIGHT_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (watchDynamically) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_GLOBS.map((globPattern) => ({ globPattern })) });
    void loadConfiguration();
  });
  connection.onDidChangeConfiguration((change) => {
    if (configurable) void loadConfiguration();
    else applySettings(readSettings((change.settings as { cablewright?: unknown } | undefined)?.cablewright ?? change.settings, initOptions));
  });
  connection.onDidChangeWatchedFiles((change) => {
    const relevant = change.changes.map((c) => pathOfUri(c.uri)).filter((p): p is string => p !== undefined && config.changed(p));
    if (relevant.length) recheckAll();
  });

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidOpen(() => publishConfigProblems());
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
      const { reference, assumeYear } = analysisOf(doc).options;
      return complete(parsed, offset, { reference, assumeYear }).map((c) => toCompletionItem(parsed.lines, c));
    });
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    return guard('hover', null, () => {
      const a = analysisOf(doc);
      const offset = a.doc.lines.offsetAt(params.position.line, params.position.character);
      const h = hover(a.doc, offset, { reference: a.options.reference, assumeYear: a.options.assumeYear, diagnostics: settings.enable ? a.diagnostics : [] });
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
      const { doc: parsed, options } = analysisOf(doc);
      return { data: encodeTokens(parsed.lines, semanticTokens(parsed, { reference: options.reference, assumeYear: options.assumeYear })) };
    });
  });
  connection.languages.semanticTokens.onRange((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { data: [] };
    return guard('semantic tokens', { data: [] }, () => {
      const { doc: parsed } = analysisOf(doc);
      const l = parsed.lines;
      const within = { start: l.offsetAt(params.range.start.line, params.range.start.character), end: l.offsetAt(params.range.end.line, params.range.end.character) };
      return { data: encodeTokens(l, semanticTokens(parsed, { reference: analysisOf(doc).options.reference, assumeYear: analysisOf(doc).options.assumeYear }), within) };
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

  /** "Renumber paragraphs" of the cable at a position: the edit goes to the client to apply (it is undoable there). */
  connection.onExecuteCommand(async (params) => {
    if (params.command !== RENUMBER_COMMAND) return null;
    const [uri, position] = (params.arguments ?? []) as [string, { line: number; character: number }];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc || !position) return { applied: false, message: 'No cable document at that position.' };
    const plan = guard('renumber', undefined, () => {
      const { doc: parsed } = analysisOf(doc);
      const cable = cableAt(parsed, parsed.lines.offsetAt(position.line, position.character));
      if (!cable) return undefined;
      const r = renumberParagraphs(parsed, cable);
      return { title: r.title, edits: r.edits.map((e) => ({ range: toRange(parsed.lines, e.range), newText: e.newText })) };
    });
    if (!plan) return { applied: false, message: 'The cursor is not in a cable.' };
    if (plan.edits.length === 0) return { applied: false, message: 'The paragraphs are already numbered in sequence.' };
    const result = await connection.workspace.applyEdit({ label: plan.title, edit: { documentChanges: [{ textDocument: { uri, version: doc.version }, edits: plan.edits }] } });
    return { applied: result.applied, message: result.applied ? plan.title : (result.failureReason ?? 'The editor did not apply the edit.') };
  });

  /** The configuration that applies to a document, as a readable account ("Show active configuration"). */
  connection.onRequest('cablewright/configuration', (params: { textDocument: { uri: string } }) =>
    guard('configuration', null, () => describeConfig(config.resolve(params.textDocument.uri))),
  );

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
