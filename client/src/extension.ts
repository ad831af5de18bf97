/**
 * The VS Code extension: starts the cablewright language server for cable
 * documents, adds the "New cable" and "Show cable metadata" commands, and
 * shows the classification of the cable under the cursor in the status bar.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { NEW_CABLE_SNIPPET } from '../../server/src/service/snippets';

let client: LanguageClient | undefined;

/** The skeleton "New cable" opens: the completion snippet of the language server. */
const SKELETON = new vscode.SnippetString(NEW_CABLE_SNIPPET);

interface CableRecord {
  classification: string | null;
  caveats: string[];
  subject: string | null;
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

  const status = vscode.window.createStatusBarItem('cablewright.classification', vscode.StatusBarAlignment.Left, 100);
  status.name = 'Cable classification';
  status.command = 'cablewright.showMetadata';
  context.subscriptions.push(status);

  const cableAt = async (editor: vscode.TextEditor | undefined): Promise<CableRecord | null> => {
    if (!editor || editor.document.languageId !== 'cable' || !client) return null;
    return client.sendRequest<CableRecord | null>('cablewright/cableAt', {
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
      const record = await cableAt(editor).catch(() => null);
      const level = record?.classification;
      status.text = `$(shield) ${level ?? 'No classification'}${record?.caveats.length ? `//${record.caveats.join('/')}` : ''}`;
      status.tooltip = record ? `Classification of the cable under the cursor${record.subject ? `: ${record.subject}` : ''}` : 'The cursor is not in a cable';
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
      const record = await cableAt(vscode.window.activeTextEditor);
      if (!record) {
        void vscode.window.showInformationMessage('cablewright: the cursor is not in a cable.');
        return;
      }
      const doc = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(record, null, 2)}\n` });
      await vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    }),
    vscode.window.onDidChangeTextEditorSelection(refreshStatus),
    vscode.window.onDidChangeActiveTextEditor(refreshStatus),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) refreshStatus();
    }),
  );

  await client.start();
  refreshStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
