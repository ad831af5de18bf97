/**
 * The VS Code extension: starts the cablewright language server for cable
 * documents, adds the "New cable", "Show cable metadata" and "Show active
 * configuration" commands, shows the classification of the cable under the
 * cursor in the status bar, and opens `.txt` transcriptions as cables.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { NEW_CABLE_SNIPPET } from '../../server/src/service/snippets';

let client: LanguageClient | undefined;

/** The skeleton "New cable" opens: the completion snippet of the language server. */
const SKELETON = new vscode.SnippetString(NEW_CABLE_SNIPPET);

/** The server's answer to `cablewright/cableAt`. */
interface CableAt {
  /** The extract record of the cable (as `cablewright extract` prints it). */
  record: { classification: string | null; subject: string | null };
  /** Level and classification caveats, as a banner reads: `SECRET//NOFORN`. */
  banner: string | null;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'] },
    debug: { module: serverModule, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const config = vscode.workspace.getConfiguration('cablewright');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'cable' }],
    synchronize: { configurationSection: 'cablewright' },
    initializationOptions: { debounceMs: config.get<number>('debounceMs') },
  };
  client = new LanguageClient('cablewright', 'cablewright', serverOptions, clientOptions);
  // The extension also wakes for plain-text files (to find transcriptions among them): the server starts with the first cable.
  let started: Promise<void> | undefined;
  const start = () => (started ??= client!.start().then(refreshStatus));

  const status = vscode.window.createStatusBarItem('cablewright.classification', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Cable classification';
  status.command = 'cablewright.showMetadata';
  context.subscriptions.push(status);

  const cableAt = async (editor: vscode.TextEditor | undefined): Promise<CableAt | null> => {
    if (!editor || editor.document.languageId !== 'cable' || !client) return null;
    return client.sendRequest<CableAt | null>('cablewright/cableAt', {
      textDocument: { uri: editor.document.uri.toString() },
      position: editor.selection.active,
    });
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshStatus = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'cable') {
        status.hide();
        return;
      }
      const at = await cableAt(editor).catch(() => null);
      const level = at?.record.classification;
      status.text = at ? `$(shield) ${at.banner ?? 'No classification'}` : '$(shield) Not in a cable';
      status.tooltip = at ? `Classification of the cable under the cursor${at.record.subject ? `: ${at.record.subject}` : ''}` : 'The cursor is not in a cable';
      status.backgroundColor = level === 'SECRET' || level === 'TOP SECRET' ? new vscode.ThemeColor('statusBarItem.errorBackground') : level === 'CONFIDENTIAL' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      status.show();
    }, 100);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('cablewright.newCable', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'cable', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(SKELETON);
    }),
    vscode.commands.registerCommand('cablewright.showMetadata', async () => {
      const at = await cableAt(vscode.window.activeTextEditor);
      if (!at) {
        void vscode.window.showInformationMessage('cablewright: the cursor is not in a cable.');
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(at.record, null, 2)}\n` });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.commands.registerCommand('cablewright.renumberParagraphs', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'cable') {
        void vscode.window.showInformationMessage('cablewright: put the cursor in a cable to renumber its paragraphs.');
        return;
      }
      await start();
      const result = await client!.sendRequest<{ applied: boolean; message: string } | null>('workspace/executeCommand', {
        command: 'cablewright.server.renumberParagraphs',
        arguments: [editor.document.uri.toString(), editor.selection.active],
      });
      if (result && !result.applied) void vscode.window.showInformationMessage(`cablewright: ${result.message}`);
    }),
    vscode.commands.registerCommand('cablewright.showConfiguration', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'cable') {
        void vscode.window.showInformationMessage('cablewright: open a cable to see the configuration that applies to it.');
        return;
      }
      await start();
      const text = await client!.sendRequest<string | null>('cablewright/configuration', { textDocument: { uri: editor.document.uri.toString() } });
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `Configuration of ${vscode.workspace.asRelativePath(editor.document.uri)}\n\n${text ?? '(the server could not resolve it; see the cablewright output)'}` });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.window.onDidChangeTextEditorSelection(refreshStatus),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) refreshStatus();
    }),
  );

  const looksLikeCable = transcriptionDetector(context);
  const opened = (doc: vscode.TextDocument) => {
    if (doc.languageId === 'cable') void start();
    else if (looksLikeCable(doc)) void vscode.languages.setTextDocumentLanguage(doc, 'cable');
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(opened));
  vscode.workspace.textDocuments.forEach(opened);
}

/**
 * Whether a plain-text `.txt` file is a transcribed cable, by its first lines
 * (the language's `firstLine` pattern): VS Code matches `firstLine` only for
 * files whose extension no language claims, and `.txt` is plain text's.
 */
function transcriptionDetector(context: vscode.ExtensionContext): (doc: vscode.TextDocument) => boolean {
  const source = (context.extension.packageJSON as { contributes: { languages: { firstLine?: string }[] } }).contributes.languages[0].firstLine;
  const firstLine = source ? new RegExp(source) : undefined;
  return (doc) => {
    if (!firstLine || doc.languageId !== 'plaintext' || !/\.txt$/i.test(doc.uri.path)) return false;
    if (!vscode.workspace.getConfiguration('cablewright', doc.uri).get<boolean>('detectTranscriptions', true)) return false;
    // A release's first lines can be blank or a page number; the first three lines with text decide.
    let seen = 0;
    for (let i = 0; i < Math.min(doc.lineCount, 60) && seen < 3; i++) {
      const text = doc.lineAt(i).text;
      if (!text.trim()) continue;
      seen++;
      if (firstLine.test(text)) return true;
    }
    return false;
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
