"""Stage: anchor. Editors' annotations (content/annotations/*.md) pinned to quotes in the cleaned
text of a source, checked at every build, and exported as W3C Web Annotations.

annotation.py loads the files, text.py finds a quote in a paragraph, anchoring.py decides
(exact, fuzzy, ambiguous, orphan), links.py renders bodies and their `source:`/`entity:`/`event:`
links, export.py writes the JSON exports. See README.md for the editors' format and the rules.

Nothing is imported here on purpose: render/annotations.py imports this package and
export.py imports render/, so re-exports would tie the two packages in an import cycle.
"""
