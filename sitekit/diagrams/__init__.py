"""Mermaid diagrams shown as SVG rendered ahead of time: `fence` (the SuperFences custom
fence), `source` (diagrams in Markdown and their SVG names), `check` (what cannot be shown).
"""
