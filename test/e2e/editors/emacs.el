;;; emacs.el --- end-to-end check of cablewright-ls in real Emacs + eglot  -*- lexical-binding: t; -*-

;; CABLEWRIGHT_SERVER=/path/to/dist/server.js \
;; XDG_CONFIG_HOME=... XDG_DATA_HOME=... XDG_CACHE_HOME=... XDG_STATE_HOME=... \
;; emacs --batch -Q -l test/e2e/editors/emacs.el brussels.cable
;;
;; The cable must be samples/released-1994-brussels-03953.txt under a name
;; ending in .cable.  The script connects eglot to the server for the buffer,
;; waits until Flymake holds its diagnostics, asks for
;; textDocument/documentSymbol, prints one JSON object per line to stdout
;; (diagnostics, symbols, checks, result) and exits 0 if every check passed,
;; 1 if one failed, 2 on a script error.  Positions printed are LSP's:
;; 0-based lines, UTF-16 characters.  Tested with Emacs 28.2 and eglot 1.9
;; (Debian 12's emacs-nox and elpa-eglot).

;;; Code:

(defconst cw-script-dir (file-name-directory (or load-file-name buffer-file-name)))
(defconst cw-server (or (getenv "CABLEWRIGHT_SERVER")
                        (expand-file-name "../../../dist/server.js" cw-script-dir)))
(defconst cw-node (or (getenv "CABLEWRIGHT_NODE") "node"))
(defconst cw-wait-seconds
  (/ (string-to-number (or (getenv "CABLEWRIGHT_E2E_WAIT_MS") "20000")) 1000.0))
(defconst cw-expected-name
  "CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT")

;; The cable to open: the first argument after the script.
(defconst cw-file (expand-file-name (or (pop command-line-args-left)
                                        (error "usage: emacs --batch -Q -l emacs.el FILE.cable"))))

;; Nothing of ours in $HOME: Emacs state under XDG_STATE_HOME (or a temp dir).
(setq user-emacs-directory
      (file-name-as-directory
       (expand-file-name "emacs" (or (getenv "XDG_STATE_HOME") temporary-file-directory))))
(setq auto-save-list-file-prefix nil
      make-backup-files nil
      create-lockfiles nil)
(when (boundp 'native-comp-deferred-compilation)
  (setq native-comp-deferred-compilation nil))
(when (boundp 'native-comp-eln-load-path)
  (setq native-comp-eln-load-path
        (cons (expand-file-name "eln-cache/" user-emacs-directory)
              (last native-comp-eln-load-path))))

;; JSON lines on stdout, UTF-8 whatever the locale.
(set-language-environment "UTF-8")
(setq locale-coding-system 'utf-8)
(defun cw-emit (alist)
  (princ (concat (json-serialize alist :null-object nil :false-object :false) "\n")))

(defvar cw-failures 0)
(defun cw-check (name ok &optional detail)
  (unless ok (setq cw-failures (1+ cw-failures)))
  (cw-emit `((event . "check") (name . ,name) (ok . ,(if ok t :false))
             ,@(when detail `((detail . ,(format "%s" detail)))))))

;; Debian's eglot (and its dependencies) live outside package-user-dir.
(require 'package)
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'cl-lib)

(define-derived-mode cable-mode prog-mode "Cable"
  "Major mode for diplomatic cables (test stand-in).")
(add-to-list 'auto-mode-alist '("\\.cable\\'" . cable-mode))
(add-to-list 'eglot-server-programs `(cable-mode . (,cw-node ,cw-server "--stdio")))
(setq eglot-events-buffer-size 0
      eglot-sync-connect t
      eglot-connect-timeout 30)

(defun cw-utf16-column (pos)
  "LSP character (UTF-16 code units) of buffer position POS."
  (save-excursion
    (goto-char pos)
    (let ((n 0))
      (dolist (c (string-to-list (buffer-substring-no-properties (line-beginning-position) pos)) n)
        (setq n (+ n (if (> c #xFFFF) 2 1)))))))

(defun cw-line (pos)
  (save-restriction (widen) (1- (line-number-at-pos pos t))))

(defun cw-run ()
  (let* ((buf (find-file-noselect cw-file))
         server diags got symbols)
    (set-buffer buf)
    (cw-emit `((event . "open") (file . ,cw-file) (mode . ,(symbol-name major-mode))
               (server . ,cw-server)))
    (cw-check "the buffer is in cable-mode" (eq major-mode 'cable-mode) major-mode)
    (condition-case err
        (setq server (apply #'eglot--connect (eglot--guess-contact)))
      (error (cw-check "eglot connected" nil (format "%s: %s" cw-server (error-message-string err)))))
    (when server
      (cw-check "eglot connected" (jsonrpc-running-p server) cw-server))
    (when server
      ;; Batch Emacs never starts Flymake by itself.
      (flymake-start nil t)
      ;; Wait for a state, not a time: diagnostics in Flymake, or the server gone.
      (let ((deadline (+ (float-time) cw-wait-seconds)))
        (while (and (null (flymake-diagnostics))
                    (jsonrpc-running-p server)
                    (< (float-time) deadline))
          (accept-process-output nil 0.05)))
      (setq diags (sort (copy-sequence (flymake-diagnostics))
                        (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
      (cw-check "diagnostics arrived" diags
                (cond ((not (jsonrpc-running-p server)) "server exited")
                      ((null diags) (format "none within %s s" cw-wait-seconds))
                      (t "ok")))
      (dolist (d diags)
        (let* ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
               (beg (flymake-diagnostic-beg d))
               (end (flymake-diagnostic-end d))
               (item `((event . "diagnostic")
                       (code . ,(plist-get lsp :code))
                       (source . ,(plist-get lsp :source))
                       (severity . ,(plist-get lsp :severity))
                       (type . ,(symbol-name (flymake-diagnostic-type d)))
                       (line . ,(cw-line beg))
                       (character . ,(cw-utf16-column beg))
                       (endLine . ,(cw-line end))
                       (endCharacter . ,(cw-utf16-column end))
                       (message . ,(plist-get lsp :message)))))
          (cw-emit item)
          (push item got)))
      (cl-flet ((count (code) (cl-count-if (lambda (i) (equal (alist-get 'code i) code)) got))
                (has (code line character)
                     (cl-some (lambda (i) (and (equal (alist-get 'code i) code)
                                               (eql (alist-get 'line i) line)
                                               (eql (alist-get 'character i) character)))
                              got)))
        (cw-check "two paragraph-numbering diagnostics" (= (count "paragraph-numbering") 2)
                  (count "paragraph-numbering"))
        (cw-check "paragraph-numbering at 28:0" (has "paragraph-numbering" 28 0))
        (cw-check "paragraph-numbering at 32:0" (has "paragraph-numbering" 32 0))
        (cw-check "one non-ascii diagnostic" (= (count "non-ascii") 1) (count "non-ascii"))
        (cw-check "non-ascii at 40:29" (has "non-ascii" 40 29)))
      (condition-case err
          (setq symbols
                (append (jsonrpc-request server :textDocument/documentSymbol
                                         `(:textDocument ,(eglot--TextDocumentIdentifier))
                                         :timeout 10)
                        nil))
        (error (cw-check "documentSymbol answered" nil (error-message-string err))))
      (when symbols (cw-check "documentSymbol answered" t))
      (dolist (s symbols)
        (cw-emit `((event . "symbol")
                   (name . ,(plist-get s :name))
                   (detail . ,(plist-get s :detail))
                   (kind . ,(plist-get s :kind))
                   (children . ,(vconcat (mapcar (lambda (c) (plist-get c :name))
                                                 (plist-get s :children)))))))
      (cw-check "one top-level symbol" (= (length symbols) 1) (length symbols))
      (let ((top (car symbols)))
        (cw-check "the cable symbol is named after its subject"
                  (equal (plist-get top :name) cw-expected-name) (plist-get top :name))
        (cw-check "the cable symbol has children"
                  (> (length (plist-get top :children)) 0) (length (plist-get top :children)))))
    (cw-emit `((event . "result") (ok . ,(if (= cw-failures 0) t :false)) (failures . ,cw-failures)
               (editor . "emacs") (version . ,emacs-version)
               (eglot . ,(or (ignore-errors (package-version-join
                                             (package-desc-version (cadr (assq 'eglot package-alist)))))
                             "?"))))
    (when server
      (ignore-errors (let ((inhibit-message t)) (eglot-shutdown server nil 2))))
    (kill-emacs (if (= cw-failures 0) 0 1))))

(condition-case err
    (cw-run)
  (error
   (cw-emit `((event . "error") (message . ,(error-message-string err))))
   (kill-emacs 2)))

;;; emacs.el ends here
