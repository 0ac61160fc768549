"""``python -m logsplit``: the same as the ``logsplit`` command."""
from .cli import _main, exit_now

exit_now(_main(None))
