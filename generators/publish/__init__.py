"""After rendering: packs, their verification, thumbnails, the catalog and the local server."""
