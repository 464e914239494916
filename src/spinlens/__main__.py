from spinlens.cli import run

run()
