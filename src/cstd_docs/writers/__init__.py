"""Writers: lay out a resolved report as Markdown or Word. They never count."""
