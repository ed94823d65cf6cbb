from django.utils.html import escape
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from portal.site_memo import memo
from portal.visibility import visibility


class VisiblePageLinkHandler(PageLinkHandler):
    """Rich-text links to pages; a link to a page a visitor may not see loses its address."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        key = ("page-links", get_language(), tuple(str(attrs.get("id")) for attrs in attrs_list))
        return memo(None, key, lambda: cls._expand(attrs_list))

    @classmethod
    def _expand(cls, attrs_list):
        rule = visibility()
        links = []
        for page in cls.get_many(attrs_list):
            page = page.localized if page else None
            links.append(f'<a href="{escape(page.url)}">' if rule.is_visible(page) else "<a>")
        return links


@hooks.register("register_rich_text_features", order=10)
def register_visible_page_links(features):
    # Runs after Wagtail's own registration of the "page" link type and replaces it.
    features.register_link_type(VisiblePageLinkHandler)
