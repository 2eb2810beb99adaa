"""Qt rendering shared by the GUI and the CLI (charts, PDF), offscreen-capable."""
