/**
 * `cablewright-ls`: the language server. It wires LSP requests to the
 * language service and does nothing else: documents are kept with
 * incremental sync, analysed once per version (each version from the one
 * before, told where the edit was), diagnostics are pushed after a short
 * debounce (or pulled, by clients that prefer it), and work for a version
 * that has been replaced is dropped. A handler that fails answers with an
 * error and the server goes on; a very large document is checked in steps,
 * with a longer debounce and fewer features, so the editor never waits on it.
 */
import { Console } from 'node:console';
import { describeConfig, nodeConfigHost, type ConfigProblem, type EditorSettings } from './config';
import { CONFIG_GLOBS, pathOfUri, WorkspaceConfig } from './lsp/workspaceConfig';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type TextDocumentContentChangeEvent,
  type InitializeParams,
  type Diagnostic,
  type Disposable,
  type DocumentSymbol,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { DiagnosticsCache, jsonEncoder } from './lsp/keptJson';
import { EditorDocument } from './lsp/editorDocument';
import { SymbolsCache } from './lsp/symbolsCache';
import { codeActions, FIX_ALL_KIND, resolveFixAll, type FixAllData } from './lsp/codeActions';
import {
  encodeTokens,
  LEGEND,
  toCompletionItem,
  toFoldingRanges,
  toRange,
  toSelectionRange,
  toSymbols,
} from './lsp/convert';
import {
  analyze,
  analyzeEdit,
  analyzeInSteps,
  cableAt,
  composeReuse,
  complete,
  extractRecords,
  foldingRanges,
  hover,
  outline,
  ownStrings,
  renumberParagraphs,
  selectionSpans,
  semanticTokens,
  settled,
  type Analysis,
  type ChangedRegion,
  type OutlineNode,
  type Reuse,
  type LineIndex,
  type ServiceOptions,
  type Source,
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

/** The server command behind "Renumber paragraphs": arguments the document URI and a position in the cable. */
const RENUMBER_COMMAND = 'cablewright.server.renumberParagraphs';

/**
 * A document this long (in UTF-16 code units, about 16 MB of text) is large:
 * it is first checked in steps (requests meanwhile answer with nothing
 * rather than wait), at most once a second while it is edited, without
 * semantic tokens (the grammar still colours it), and its outline lists the
 * cables only.
 */
const LARGE = 16 * 1024 * 1024;
/** The least debounce of a large document, in milliseconds. */
const LARGE_DEBOUNCE_MS = 1000;
/** Lines parsed between two pauses of a step-by-step analysis (about 10 ms of work). */
const STEP_LINES = 5000;
/** How long a step-by-step analysis works before it lets requests in, in milliseconds. */
const SLICE_MS = 15;
/** An edit this long is analysed from scratch, in steps, rather than at once. */
const LARGE_EDIT = 1024 * 1024;

/** What the server holds for one version of a document; symbols and LSP diagnostics are made when first asked for. */
interface Entry {
  version: number;
  /** Unsettled (see `analyzeEdit`) until `settledOf` is called: only its diagnostics and line index are read before. */
  analysis: Analysis;
  settled: boolean;
  symbols: DocumentSymbol[] | undefined;
  diagnostics: Diagnostic[] | undefined;
}

/** An analysis in steps of one version of a large document. */
interface Job {
  version: number;
  cancelled: boolean;
  done: Promise<void>;
}

/** What the server knows of an open document, beyond its text. */
interface DocState {
  entry: Entry | undefined;
  /** Where the text changed since the version the entry (or the running job) is of; `unknown` after a change without a range. */
  since: ChangedRegion | 'unknown' | undefined;
  /** The last outline made, and what re-parses reused since (to bring it up to date when asked again). */
  outline: { nodes: OutlineNode[]; reuse: Reuse | undefined } | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  job: Job | undefined;
  large: boolean;
  /** What of the document's analyses and outlines has had its strings copied out of the text (see `ownStrings`). */
  owned: WeakSet<object>;
  /** The LSP diagnostics of its findings, kept while their positions hold. */
  lsp: DiagnosticsCache;
  /** Its cables' symbols, kept likewise. */
  symbols: SymbolsCache;
}

/** Whether a document is a cable by its name, so a draft without a header yet is still read as one. */
function assumeCable(uri: string): boolean {
  return !/\.txt$/i.test(uri);
}

/** Two changed regions in a row as one: `r` took version A to B, `c` B to C (offsets of `c` in B's text). */
function compose(r: ChangedRegion | undefined, c: ChangedRegion): ChangedRegion {
  if (!r) return c;
  const endInB = Math.max(r.newEnd, c.oldEnd);
  return { start: Math.min(r.start, c.start), oldEnd: r.oldEnd + (endInB - r.newEnd), newEnd: endInB + (c.newEnd - c.oldEnd) };
}

export function startServer(connection: Connection): void {
  const states = new Map<string, DocState>();
  const stateOf = (uri: string): DocState => {
    let st = states.get(uri);
    if (!st) {
      st = { entry: undefined, since: undefined, outline: undefined, timer: undefined, job: undefined, large: false, owned: new WeakSet(), lsp: new DiagnosticsCache(), symbols: new SymbolsCache() };
      states.set(uri, st);
    }
    return st;
  };

  // Content changes are applied one at a time, each noting where the text changed, so the next analysis need not compare texts.
  const documents = new TextDocuments<EditorDocument>({
    create: (uri, languageId, version, content) => EditorDocument.create(uri, languageId, version, content),
    update: (doc, changes: TextDocumentContentChangeEvent[], version) => {
      const st = states.get(doc.uri);
      for (const region of doc.update(changes, version)) {
        if (st && st.since !== 'unknown') st.since = region ? compose(st.since, region) : 'unknown';
      }
      return doc;
    },
  });
  let settings = DEFAULTS;
  let initOptions = DEFAULTS;
  let pushDiagnostics = true;
  let configurable = false;
  let resolveEdits = false;
  let watchDynamically = false;
  const config = new WorkspaceConfig(nodeConfigHost, DEFAULTS.checking);
  const failed = new Set<string>();

  /** The service options for a document. */
  const optionsFor = (uri: string): ServiceOptions => ({ ...config.resolve(uri).options, assumeCable: assumeCable(uri) });

  /** Logs a failure, once per kind. */
  const logFailure = (name: string, e: unknown) => {
    if (failed.has(name)) return;
    failed.add(name);
    connection.console.error(`cablewright: ${name} failed: ${(e as Error)?.stack ?? e}`);
  };
  /** Runs a request handler; a failure is logged once per kind and answered with an error, and the server goes on serving. */
  const guard = <T>(name: string, f: () => T): T => {
    const failure = (e: unknown) => {
      logFailure(name, e);
      return new ResponseError(ErrorCodes.InternalError, `cablewright: ${name} failed: ${(e as Error)?.message ?? e}`);
    };
    try {
      const result = f();
      if (result instanceof Promise) {
        return result.catch((e: unknown) => {
          throw failure(e);
        }) as T;
      }
      return result;
    } catch (e) {
      throw failure(e);
    }
  };
  /** Lets a message to the client go without waiting for it; a failure (a client without the method, a closed pipe) is logged once per kind. */
  const background = (name: string, p: Promise<unknown>): void => void p.catch((e: unknown) => logFailure(name, e));
  /** Shows a message: a notification, which needs no answer (a request the client lacks would fail). */
  const show = (type: MessageType, message: string) => background('showing a message', connection.sendNotification(ShowMessageNotification.type, { type, message }));
  /** Runs work of the server's own (publishing, analysing in steps); a failure is logged once per kind. */
  const attempt = (name: string, f: () => void): void => {
    try {
      f();
    } catch (e) {
      logFailure(name, e);
    }
  };

  /**
   * A new entry for `version` of a document, the version later changes are
   * noted against: the current one, unless an analysis in steps of an older
   * version ends (the changes noted since it started are kept).
   */
  const setEntry = (st: DocState, version: number, analysis: Analysis, fresh: boolean, current = true): Entry => {
    const entry: Entry = { version, analysis, settled: fresh, symbols: undefined, diagnostics: undefined };
    st.entry = entry;
    // Cables and findings are kept from version to version: they must not keep the text of the version they were read from.
    ownStrings(analysis.doc.cables, st.owned);
    ownStrings(analysis.diagnostics, st.owned);
    if (current) st.since = undefined;
    if (st.outline) st.outline = analysis.reuse ? { nodes: st.outline.nodes, reuse: st.outline.reuse ? composeReuse(st.outline.reuse, analysis.reuse) : analysis.reuse } : undefined;
    return entry;
  };

  /**
   * What the server knows of a document's current version, made once per
   * version: from the version before when there is one (only the cables the
   * edits touched are read again), from scratch otherwise. Undefined while a
   * large document is being analysed in steps.
   */
  const entryOf = (doc: EditorDocument): Entry | undefined => {
    const st = stateOf(doc.uri);
    const hit = st.entry;
    if (hit && hit.version === doc.version) return hit;
    if (st.job) return undefined;
    const text = doc.source;
    st.large = text.length >= LARGE;
    const options = optionsFor(doc.uri);
    const since = st.since === 'unknown' ? undefined : st.since;
    const small = (r: ChangedRegion | undefined) => r !== undefined && r.oldEnd - r.start < LARGE_EDIT && r.newEnd - r.start < LARGE_EDIT;
    if (hit && (!st.large || small(since))) {
      // The previous version's analysis is given up: the new one takes over its cables and moves them when asked.
      return setEntry(st, doc.version, analyzeEdit(hit.analysis, text, options, since, doc.lines), false);
    }
    if (st.large) {
      startJob(doc.uri, doc.version, text, doc.lines, options);
      return undefined;
    }
    return setEntry(st, doc.version, analyze(text, options, undefined, undefined, doc.lines), true);
  };
  /** The entry's analysis with every cable in place: what every request but diagnostics reads. */
  const settledOf = (e: Entry): Analysis => {
    if (!e.settled) {
      settled(e.analysis);
      e.settled = true;
    }
    return e.analysis;
  };
  const analysisOf = (doc: EditorDocument): Analysis | undefined => {
    const e = entryOf(doc);
    return e && settledOf(e);
  };
  const diagnosticsOf = (e: Entry, uri: string): Diagnostic[] => (e.diagnostics ??= stateOf(uri).lsp.convert(e.analysis.doc.lines, e.analysis.diagnostics));
  const symbolsOf = (doc: EditorDocument): DocumentSymbol[] => {
    const e = entryOf(doc);
    if (!e) return [];
    if (e.symbols) return e.symbols;
    const st = stateOf(doc.uri);
    const a = settledOf(e);
    // The outline made last, brought up to date over the edits since (a few cables at a time): it will be asked again.
    const kept = st.outline;
    const nodes = kept?.reuse ? outline(a.doc, { outline: kept.nodes, reuse: kept.reuse }) : kept && kept.nodes.length === a.doc.cables.length ? kept.nodes : outline(a.doc);
    ownStrings(nodes, st.owned);
    st.outline = { nodes, reuse: undefined };
    // A large document's outline lists its cables, not what is in them (hundreds of thousands of symbols would cross the pipe).
    return (e.symbols = st.large ? toSymbols(a.doc.lines, nodes.map((n) => ({ ...n, children: [] }))) : st.symbols.convert(a.doc.lines, a.doc.cables, nodes));
  };

  /** Analyses a large document in steps, letting requests in between; when done, its diagnostics go out. */
  const startJob = (uri: string, version: number, text: Source, lines: LineIndex, options: ServiceOptions) => {
    const st = stateOf(uri);
    st.entry = undefined;
    st.since = undefined;
    st.outline = undefined;
    const steps = analyzeInSteps(text, options, STEP_LINES, lines);
    let finish!: () => void;
    const job: Job = { version, cancelled: false, done: new Promise((resolve) => (finish = resolve)) };
    st.job = job;
    const step = () => {
      if (job.cancelled) return finish();
      let result: Analysis | undefined;
      attempt('analysis', () => {
        const until = performance.now() + SLICE_MS;
        for (;;) {
          const r = steps.next();
          if (r.done) {
            result = r.value;
            return;
          }
          if (performance.now() >= until) return;
        }
      });
      if (!result && !failed.has('analysis')) {
        setImmediate(step);
        return;
      }
      st.job = undefined;
      if (result) setEntry(st, version, result, true, false);
      finish();
      // The diagnostics of the version analysed go out now; a newer version gets its own turn after the debounce.
      if (pushDiagnostics && documents.get(uri)?.version === version) {
        if (st.timer) clearTimeout(st.timer);
        publish(uri);
      }
      else schedule(uri);
    };
    setImmediate(step);
  };
  const cancelJob = (st: DocState) => {
    if (st.job) st.job.cancelled = true;
    st.job = undefined;
  };

  const publish = (uri: string) => {
    const st = states.get(uri);
    if (st) st.timer = undefined;
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    attempt('diagnostics', () => {
      const e = settings.enable ? entryOf(doc) : undefined;
      // A large document being analysed in steps publishes when it is done.
      if (settings.enable && !e) return;
      const items = e ? diagnosticsOf(e, uri) : [];
      // A newer version arrived while this one was analysed: its own run will publish.
      if (documents.get(uri)?.version !== version) return;
      background('publishing diagnostics', connection.sendDiagnostics({ uri, version, diagnostics: items }));
    });
  };

  const schedule = (uri: string) => {
    const st = stateOf(uri);
    if (st.timer) clearTimeout(st.timer);
    st.timer = undefined;
    if (!pushDiagnostics) return;
    const delay = st.large ? Math.max(settings.debounceMs, LARGE_DEBOUNCE_MS) : settings.debounceMs;
    if (delay === 0) {
      publish(uri);
      return;
    }
    st.timer = setTimeout(() => publish(uri), delay);
  };

  /** Everything is checked again: settings or a configuration file changed. */
  const recheckAll = () => {
    for (const st of states.values()) {
      cancelJob(st);
      st.entry = undefined;
      st.outline = undefined;
    }
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
    attempt('configuration problems', () => {
      const { byFile, settings: issues } = config.problemsOf(documents.keys());
      for (const [uri, problems] of byFile) {
        if (problems.length === 0 && !shownConfigProblems.has(uri)) continue;
        background('publishing diagnostics', connection.sendDiagnostics({ uri, diagnostics: problems.map(toConfigDiagnostic) }));
      }
      for (const uri of shownConfigProblems) if (!byFile.has(uri)) background('publishing diagnostics', connection.sendDiagnostics({ uri, diagnostics: [] }));
      shownConfigProblems = new Set([...byFile].filter(([, p]) => p.length > 0).map(([uri]) => uri));
      const text = issues.map((p) => p.message).join('; ');
      if (text && text !== settingsIssues) show(MessageType.Warning, `cablewright settings: ${text}`);
      settingsIssues = text;
      if (watchDynamically) background('watching files', watchTables());
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
    if (watchDynamically) background('watching files', connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_GLOBS.map((globPattern) => ({ globPattern })) }));
    background('configuration', loadConfiguration());
  });
  connection.onDidChangeConfiguration((change) => {
    if (configurable) background('configuration', loadConfiguration());
    else applySettings(readSettings((change.settings as { cablewright?: unknown } | undefined)?.cablewright ?? change.settings, initOptions));
  });
  connection.onDidChangeWatchedFiles((change) => {
    const relevant = change.changes.map((c) => pathOfUri(c.uri)).filter((p): p is string => p !== undefined && config.changed(p));
    if (relevant.length) recheckAll();
  });

  /** Lets go of all the server holds of a document: its analysis, its timer, its job. */
  const forget = (uri: string) => {
    const st = states.get(uri);
    if (st) {
      if (st.timer) clearTimeout(st.timer);
      cancelJob(st);
    }
    states.delete(uri);
  };
  documents.onDidOpen((e) => {
    // A document opened again (without a close between) starts afresh.
    forget(e.document.uri);
    const st = stateOf(e.document.uri);
    st.large = e.document.source.length >= LARGE;
    if (st.large) {
      const mb = (e.document.source.length / (1024 * 1024)).toFixed(0);
      show(
        MessageType.Info,
        `cablewright: ${e.document.uri.split('/').pop()} is large (${mb} M characters): it is checked in the background, a second after you stop typing, without semantic highlighting; its outline lists the cables only.`,
      );
    }
    publishConfigProblems();
  });
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose((e) => {
    // Nothing of a closed document is kept.
    forget(e.document.uri);
    if (pushDiagnostics) background('publishing diagnostics', connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));
  });

  connection.languages.diagnostics.on((params) =>
    guard('diagnostics', async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !settings.enable) return { kind: 'full' as const, items: [] };
      // A large document being analysed in steps is answered when the analysis is done (a pull may wait).
      for (let tries = 0; tries < 3; tries++) {
        const now = documents.get(params.textDocument.uri);
        if (!now) break;
        const e = entryOf(now);
        if (e) return { kind: 'full' as const, items: diagnosticsOf(e, now.uri) };
        await stateOf(now.uri).job?.done;
      }
      return { kind: 'full' as const, items: [] };
    }),
  );

  connection.onCompletion((params, token) =>
    guard('completion', () => {
      const doc = documents.get(params.textDocument.uri);
      const a = doc && !token.isCancellationRequested ? analysisOf(doc) : undefined;
      if (!a) return [];
      const parsed = a.doc;
      const offset = parsed.lines.offsetAt(params.position.line, params.position.character);
      return complete(parsed, offset, { reference: a.options.reference, assumeYear: a.options.assumeYear }).map((c) => toCompletionItem(parsed.lines, c));
    }),
  );

  connection.onHover((params) =>
    guard('hover', () => {
      const doc = documents.get(params.textDocument.uri);
      const a = doc && analysisOf(doc);
      if (!a) return null;
      const offset = a.doc.lines.offsetAt(params.position.line, params.position.character);
      const h = hover(a.doc, offset, { reference: a.options.reference, assumeYear: a.options.assumeYear, diagnostics: settings.enable ? a.diagnostics : [] });
      return h ? { contents: { kind: 'markdown' as const, value: h.markdown }, range: toRange(a.doc.lines, h.range) } : null;
    }),
  );

  connection.onDocumentSymbol((params) =>
    guard('symbols', () => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? symbolsOf(doc) : [];
    }),
  );

  connection.onFoldingRanges((params) =>
    guard('folding', () => {
      const doc = documents.get(params.textDocument.uri);
      const a = doc && analysisOf(doc);
      return a ? toFoldingRanges(foldingRanges(a.doc)) : [];
    }),
  );

  connection.onSelectionRanges((params) =>
    guard('selection', () => {
      const doc = documents.get(params.textDocument.uri);
      const a = doc && analysisOf(doc);
      if (!a) return [];
      const parsed = a.doc;
      const nodes = outline(parsed);
      return params.positions.map((p) => toSelectionRange(parsed.lines, selectionSpans(parsed, parsed.lines.offsetAt(p.line, p.character), nodes)));
    }),
  );

  connection.onCodeAction((params) =>
    guard('code actions', () => {
      const doc = documents.get(params.textDocument.uri);
      const a = doc && settings.enable ? analysisOf(doc) : undefined;
      if (!doc || !a) return [];
      const lines = a.doc.lines;
      const range = { start: lines.offsetAt(params.range.start.line, params.range.start.character), end: lines.offsetAt(params.range.end.line, params.range.end.character) };
      return codeActions(doc.uri, doc.version, a, optionsFor(doc.uri), range, params.context.only, resolveEdits);
    }),
  );
  connection.onCodeActionResolve((action) =>
    guard('code action resolve', () => {
      const data = action.data as FixAllData | undefined;
      const doc = data && typeof data.uri === 'string' ? documents.get(data.uri) : undefined;
      // An action for a version that has been replaced would apply its edit to the wrong text: it resolves to nothing.
      const a = doc && doc.version === data!.version ? analysisOf(doc) : undefined;
      return doc && a ? resolveFixAll(action, a, optionsFor(doc.uri)) : action;
    }),
  );

  /** Semantic tokens of a document, within a range when given; none for a large document. */
  const tokensOf = (uri: string, range?: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
    const doc = documents.get(uri);
    const a = doc && !stateOf(uri).large ? analysisOf(doc) : undefined;
    if (!a) return { data: [] };
    const l = a.doc.lines;
    const within = range && { start: l.offsetAt(range.start.line, range.start.character), end: l.offsetAt(range.end.line, range.end.character) };
    return { data: encodeTokens(l, semanticTokens(a.doc, { reference: a.options.reference, assumeYear: a.options.assumeYear }), within) };
  };
  connection.languages.semanticTokens.on((params) => guard('semantic tokens', () => tokensOf(params.textDocument.uri)));
  connection.languages.semanticTokens.onRange((params) =>
    guard('semantic tokens', () => {
      if (!params.range) throw new Error('a range request without a range');
      return tokensOf(params.textDocument.uri, params.range);
    }),
  );

  /**
   * The cable at a position (the status bar, "Show cable metadata"): its
   * extract record, and its banner (level and classification caveats, as
   * `SECRET//NOFORN`). Release stamps and text around a cable are in none.
   */
  connection.onRequest('cablewright/cableAt', (params: { textDocument: { uri: string }; position: { line: number; character: number } }) =>
    guard('cableAt', () => {
      const doc = documents.get(params.textDocument.uri);
      const a = doc && analysisOf(doc);
      if (!doc || !a) return null;
      const parsed = a.doc;
      const cable = cableAt(parsed, parsed.lines.offsetAt(params.position.line, params.position.character));
      if (!cable || params.position.line < cable.startLine || params.position.line > cable.endLine) return null;
      const caveats = cable.classification?.caveats ?? [];
      // The record of this cable alone: the status bar asks at every move of the cursor.
      return { record: extractRecords({ ...parsed, cables: [cable] }, doc.uri)[0], banner: cable.level ? [cable.level, ...caveats].join('//') : null };
    }),
  );

  /** "Renumber paragraphs" of the cable at a position: the edit goes to the client to apply (it is undoable there). */
  connection.onExecuteCommand(async (params) => {
    if (params.command !== RENUMBER_COMMAND) return null;
    const [uri, position] = (params.arguments ?? []) as [string, { line: number; character: number }];
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc || !position) return { applied: false, message: 'No cable document at that position.' };
    const plan = guard('renumber', () => {
      const a = analysisOf(doc);
      if (!a) return undefined;
      const parsed = a.doc;
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
    guard('configuration', () => describeConfig(config.resolve(params.textDocument.uri))),
  );

  /**
   * What the server holds, for tests and benchmarks: the process's memory
   * (after a full garbage collection when node runs with --expose-gc) and
   * how many documents, analyses, timers and background analyses it keeps.
   * It reads and changes nothing else.
   */
  connection.onRequest('cablewright/debug/memory', () =>
    guard('debug', async () => {
      const gc = (globalThis as { gc?: () => void }).gc;
      let rssAtCollection: number | undefined;
      if (gc) {
        gc();
        rssAtCollection = process.memoryUsage.rss();
        await rssSettled();
      }
      const m = process.memoryUsage();
      const all = [...states.values()];
      return {
        rss: m.rss,
        rssAtCollection,
        heapUsed: m.heapUsed,
        heapTotal: m.heapTotal,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        collected: !!gc,
        documents: documents.keys().length,
        states: states.size,
        entries: all.filter((s) => s.entry).length,
        timers: all.filter((s) => s.timer).length,
        jobs: all.filter((s) => s.job).length,
      };
    }),
  );

  // The last line of defence: a promise nobody waited on that fails is logged, and the server goes on (node would otherwise exit).
  process.on('unhandledRejection', (e) => logFailure('background work', e));

  documents.listen(connection);
  connection.listen();
}

/**
 * Waits until the resident set stops falling (read every 50 ms, for at most a
 * second). A full collection hands the pages it freed back to the system from
 * a background thread, a few milliseconds later: read at once, the resident
 * set still counts tens of megabytes the server no longer holds.
 */
async function rssSettled(): Promise<void> {
  let last = process.memoryUsage.rss();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = process.memoryUsage.rss();
    if (now >= last) return;
    last = now;
  }
}

/**
 * The connection to the client, over the transport the command line names
 * (as vscode-languageserver chooses it). Over stdio, messages are written by
 * a JSON encoder that writes published diagnostics from the JSON kept for
 * each (see `lsp/keptJson.ts`); stdout then carries only the
 * protocol, so anything logged goes to stderr, which clients show as the
 * server's log.
 */
function connect(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout, { contentTypeEncoder: jsonEncoder }));
  // As vscode-languageserver does for the streams it opens itself: the client closing stdin ends the server, with
  // status 0 only after a shutdown request.
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return connection;
}

if (require.main === module) {
  if (process.argv.includes('--version')) {
    process.stdout.write(`${CABLEWRIGHT_VERSION}\n`);
  } else {
    startServer(connect());
  }
}
