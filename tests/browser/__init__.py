"""Browser tests: real headless Chromium against the built sample site."""
