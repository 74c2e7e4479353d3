"""Site configuration: the site's name, description and language, read from the MkDocs config file.

The same file MkDocs builds with names the site, so another corpus gets its own site by
giving the build its own ``mkdocs.yml``, without editing code.

Does not: validate the rest of the MkDocs configuration (MkDocs does, in ``site``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import BuildError


@dataclass(frozen=True)
class SiteConfig:
    """What the pages say about the site itself."""

    name: str
    """The site's name (``site_name``): the home page's title and the publisher in citations."""
    description: str
    """The home page's own description of the site (``extra.home_description``, else ``site_description``)."""
    language: str = "en"
    """The language of the site's own words (``theme.language``); text in another language is marked up as such."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' ``!!python/name:…`` and ``!ENV`` tags as plain values instead of failing.

    Only the three site keys are read here, and none of them is tagged; the tags still must not stop the read.
    """


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    """A tagged node read as the plain scalar, list or mapping it holds (nothing is imported or run)."""
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)
_TolerantLoader.add_multi_constructor("!", _untagged)


def read_site_config(config_file: Path) -> SiteConfig:
    """The site's name, description and language from the MkDocs config file ``config_file``."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506 (safe loader)
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"{config_file}: cannot read the site configuration: {exc}") from exc
    if not isinstance(config, dict) or not isinstance(config.get("site_name"), str):
        raise BuildError(f"{config_file}: expected a mapping with a site_name string")
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    description = extra.get("home_description") or config.get("site_description") or ""
    return SiteConfig(name=config["site_name"], description=str(description), language=str(theme.get("language", "en")))
