from portal.models.mixins import BasePage, SummaryMixin
from portal.models.pages import AccessibilityStatementPage, HomePage, StandardPage
from portal.models.site_settings import PortalSettings

__all__ = [
    "AccessibilityStatementPage",
    "BasePage",
    "HomePage",
    "PortalSettings",
    "StandardPage",
    "SummaryMixin",
]
