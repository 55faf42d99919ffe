"""The self-check's runtime in the browser: the engine's wheel, its lock file, the trimmed standard library."""
