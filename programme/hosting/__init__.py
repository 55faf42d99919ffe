"""Where the site lives and what its host must send: addresses, headers, compressed siblings, the site folder swap."""
