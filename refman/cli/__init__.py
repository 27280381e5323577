"""The command-line shell. Nothing imports it; it imports only api, console and io."""
