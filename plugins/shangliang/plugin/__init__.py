"""The MkDocs plugin: the only folder that imports MkDocs or Material.

`mkdocs.yml` names it `shangliang` (entry point `shangliang.plugin:ShangliangPlugin`).
"""

from shangliang.plugin.hooks import ShangliangPlugin

__all__ = ["ShangliangPlugin"]
