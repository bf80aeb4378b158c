"""The four tabs of the main window. They never import each other (an import-linter contract)."""
