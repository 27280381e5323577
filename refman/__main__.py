from refman.cli.app import run

run()
