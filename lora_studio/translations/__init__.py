"""The window's translations (package data): lora_studio_<language>.ts, edited by translators, and the .qm
compiled from it that lora_studio/gui/i18n/language.py loads. `make translations` (packaging/translations.py) refreshes
both from the sources.
"""
