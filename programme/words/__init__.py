"""The site's languages and the gettext catalogs of its words (templates' and the engine's)."""
