// newslint for VS Code: starts `newslint lsp` for Markdown, plain text and HTML documents.
// Everything else (diagnostics, quick fixes, hover, config reload) is the server's.
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate() {
  const command = vscode.workspace.getConfiguration("newslint").get("path", "newslint");
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const languages = ["markdown", "plaintext", "html"];
  const clientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
  };
  client = new LanguageClient("newslint", "newslint", serverOptions, clientOptions);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
