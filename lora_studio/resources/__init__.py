"""Files the app ships with itself (package data): the application icon, as SVG and PNGs.

`resources/` at the top of the repository holds the same icon for desktop files and installers;
`packaging/make_icons.py` writes both from one drawing.
"""
