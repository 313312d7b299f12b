"""Every link of the built site: `check` reads the built pages and checks internal links,
`external` checks http(s) links when asked, `report` names where each problem is written.
"""
