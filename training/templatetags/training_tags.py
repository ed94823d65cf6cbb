from django import template

from portal.visibility import visibility
from training.references import lessons_using_page

register = template.Library()


@register.filter
def answers_for(answers, field_name):
    """The values a trainee gave for one question, kept when a sheet is sent back."""
    return (answers or {}).get(field_name, [])


@register.inclusion_tag("training/includes/lessons_using.html", takes_context=True)
def lessons_using(context, page):
    """The live lessons (in the page's language) whose body points to this library page."""
    return {"lessons": lessons_using_page(page, context.get("request"))}


@register.filter
def card_for(cards, block_id):
    """The page a lesson's library card shows (see ``progress.library_cards``), or ""."""
    return (cards or {}).get(block_id) or ""


@register.simple_tag(takes_context=True)
def visible_localized(context, page):
    """A chosen page in the reader's language, only if anyone may see it; else None."""
    if page is None:
        return None
    localized = visibility(context.get("request")).or_none(page.localized)
    return localized.specific if localized is not None else None


@register.filter
def card_kind(page):
    """The card style (and icon) of a library page: "programme" or "model"."""
    return "programme" if page._meta.model_name == "programmepage" else "model"


@register.simple_tag
def rating_value(state, given, position):
    """The rating to show checked: what was just sent back, else the saved one, else None."""
    if given:
        value = given.get(f"c-{position}")
        return value
    own = state.own if state is not None else None
    if own is not None and position < len(own.ratings):
        return own.ratings[position]
    return None
