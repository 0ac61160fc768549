"""The shipped default model (installed as ``logsplit.models``)."""
