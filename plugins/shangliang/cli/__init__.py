"""What the editors' scripts (`scripts/*.py`) share: options, exit codes, progress and problem lines
(`common`), `check.py`'s report (`report`), `new_case.py`'s file (`scaffold`). The only folder that prints."""
