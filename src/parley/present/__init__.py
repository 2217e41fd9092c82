"""The `present` stage: the command line, exports, the HTML dossier and the web app."""
