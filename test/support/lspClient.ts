/**
 * A small LSP client for tests and benchmarks: starts the bundled server
 * (`dist/server.js --stdio`) in a child process and speaks JSON-RPC to it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; message: string; severity: number; source: string; codeDescription?: { href: string } }[];
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly proc: ChildProcess;
  private readonly waiting: { uri: string; version?: number; resolve: (p: PublishedDiagnostics) => void }[] = [];
  /** The last diagnostics published per document. */
  readonly published = new Map<string, PublishedDiagnostics>();
  /** The `workspace/applyEdit` requests the server has sent. */
  readonly appliedEdits: { label?: string; edit: unknown }[] = [];
  /** The messages the server has logged (`window/logMessage`) and shown (`window/showMessage`). */
  readonly logs: string[] = [];
  readonly shown: { type: number; message: string }[] = [];
  stderr = '';

  constructor(serverPath = path.join(CABLEWRIGHT_ROOT, 'dist/server.js'), execArgv: string[] = []) {
    this.proc = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d) => (this.stderr += d));
    this.connection = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.set(p.uri, p);
      for (let i = this.waiting.length - 1; i >= 0; i--) {
        const w = this.waiting[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.waiting.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => void this.shown.push(p));
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    // Edits the server asks the editor to apply (commands): kept for the test to read, and reported applied.
    this.connection.onRequest('workspace/applyEdit', (p: { label?: string; edit: unknown }) => {
      this.appliedEdits.push(p);
      return { applied: true };
    });
    this.connection.listen();
  }

  /** The server's process id (to read its memory from outside). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Initialises the server; `capabilities` as a client would announce them. */
  async initialize(initializationOptions: unknown = {}, capabilities: Record<string, unknown> = {}): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: null, capabilities, initializationOptions });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri` (and `version`, when given). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => this.waiting.push({ uri, version, resolve }));
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'cable', version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Closes the server's stdin as a client that goes away does, without the exit notification; resolves with the server's exit status. */
  hangUp(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.proc.once('exit', (code) => resolve(code)));
    this.proc.stdin!.end();
    return exited;
  }

  /** Shuts the server down as a client does, and gives it a moment to exit on its own (a profile is written at exit) before ending it. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may be gone already.
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([exited, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
    this.connection.dispose();
    this.proc.kill();
  }
}
